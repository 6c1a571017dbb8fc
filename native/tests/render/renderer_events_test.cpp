#include "render/renderer_events.h"

#include <gtest/gtest.h>

#include "recording_listener.h"

namespace parley::render {
namespace {

using Size = test::RecordingListener::Size;

TEST(RendererEventsTest, FirstFrameOnceAfterSizeEvent) {
  test::RecordingListener listener;
  RendererEvents events(&listener);
  for (int i = 0; i < 3; ++i) {
    events.frameArrived(640, 480);
    events.frameDrawn(100 + i);
  }
  EXPECT_EQ(listener.firstFrames(), (std::vector<Size>{{640, 480}}));
  EXPECT_EQ(listener.sizes(), (std::vector<Size>{{640, 480}}));
  EXPECT_EQ(listener.order(), (std::vector<std::string>{"size-changed", "first-frame"}));
  const RenderStats stats = events.stats();
  EXPECT_EQ(stats.framesRendered, 3);
  EXPECT_EQ(stats.lastRenderDurationUs, 102);
  EXPECT_EQ(stats.videoWidth, 640);
  EXPECT_EQ(stats.videoHeight, 480);
}

TEST(RendererEventsTest, SizeChangedOnlyWhenSizeChanges) {
  test::RecordingListener listener;
  RendererEvents events(&listener);
  const Size inputs[] = {{640, 480}, {640, 480}, {1280, 720}, {1280, 720}, {640, 480}};
  for (Size s : inputs) {
    events.frameArrived(s.width, s.height);
    events.frameDrawn(0);
  }
  EXPECT_EQ(listener.sizes(), (std::vector<Size>{{640, 480}, {1280, 720}, {640, 480}}));
  EXPECT_EQ(listener.firstFrames().size(), 1u);
}

TEST(RendererEventsTest, SizeKnownBeforeAnythingIsDrawn) {
  test::RecordingListener listener;
  RendererEvents events(&listener);
  events.frameArrived(320, 240);
  events.frameNotDrawn();  // zero-size target
  EXPECT_EQ(listener.sizes(), (std::vector<Size>{{320, 240}}));
  EXPECT_TRUE(listener.firstFrames().empty());
  EXPECT_EQ(events.stats().framesNotDrawn, 1);
  EXPECT_EQ(events.stats().framesRendered, 0);
}

TEST(RendererEventsTest, ResetRaisesFirstFrameAndSizeAgain) {
  test::RecordingListener listener;
  RendererEvents events(&listener);
  events.frameArrived(640, 480);
  events.frameDrawn(0);
  events.requestReset();
  events.frameArrived(640, 480);
  events.frameDrawn(0);
  EXPECT_EQ(listener.firstFrames().size(), 2u);
  EXPECT_EQ(listener.sizes().size(), 2u);
  EXPECT_EQ(events.stats().framesRendered, 2);  // counters survive a reset
}

TEST(RendererEventsTest, RepeatedFailureReportedOnceUntilRecovery) {
  test::RecordingListener listener;
  RendererEvents events(&listener);
  events.frameFailed("window gone");
  events.frameFailed("window gone");
  events.frameFailed("window gone");
  EXPECT_EQ(listener.errors(), (std::vector<std::string>{"window gone"}));
  events.frameFailed("other failure");  // a new message is reported
  EXPECT_EQ(listener.errors().size(), 2u);
  events.frameArrived(2, 2);
  events.frameDrawn(0);
  events.frameFailed("other failure");  // after a success, again
  EXPECT_EQ(listener.errors().size(), 3u);
  EXPECT_EQ(events.stats().framesFailed, 5);
}

TEST(RendererEventsTest, NullListenerIsAllowed) {
  RendererEvents events(nullptr);
  events.frameArrived(2, 2);
  events.frameDrawn(1);
  events.frameFailed("x");
  EXPECT_EQ(events.stats().framesRendered, 1);
}

}  // namespace
}  // namespace parley::render
