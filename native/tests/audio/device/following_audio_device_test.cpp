// Device-loss failover with fake devices (issue 4 req 7): a device reports
// lost -> the event is raised once -> the default device is opened -> audio
// keeps flowing to the same sink / from the same source.
#include "audio/device/following_audio_device.h"

#include <gtest/gtest.h>

#include <thread>

#include "audio/device/fake_audio_device.h"
#include "support/fake_clock.h"

namespace parley::audio::test {
namespace {

std::shared_ptr<FakeAudioInputFactory> inputFactory() {
  auto factory = std::make_shared<FakeAudioInputFactory>();
  factory->addDevice("usb#0", "USB Headset");
  factory->addDevice("builtin#0", "Built-in Microphone");
  factory->setDefault("builtin#0");
  return factory;
}

TEST(FollowingAudioDeviceTest, LostInputFailsOverToTheDefaultOnceAndKeepsTheSink) {
  auto factory = inputFactory();
  std::string error;
  auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error);
  ASSERT_NE(input, nullptr) << error;
  RecordingDeviceListener listener;
  input->setListener(&listener);
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error)) << error;
  EXPECT_EQ(input->name(), "USB Headset");
  EXPECT_EQ(input->frameMs(), 20);

  auto usb = factory->opened().at(0);
  ASSERT_TRUE(usb->deliver(1));
  usb->lose("unplugged");
  usb->lose("unplugged");  // reported twice: still one failover

  EXPECT_EQ(listener.events(),
            (std::vector<std::string>{"lost USB Headset: unplugged",
                                      "switched USB Headset -> Built-in Microphone"}));
  EXPECT_EQ(factory->openedIds(), (std::vector<std::string>{"usb#0", "default"}));
  EXPECT_EQ(input->name(), "Built-in Microphone");
  EXPECT_EQ(input->failovers(), 1);
  auto builtin = factory->opened().at(1);
  EXPECT_TRUE(builtin->running());
  EXPECT_EQ(builtin->frameMs, 20);
  ASSERT_TRUE(builtin->deliver(2));
  usb->deliver(3);  // the lost device comes back to life: cut off, not mixed in

  const auto frames = sink.frames();
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[0].size(), 960u);
  EXPECT_EQ(frames[0][0], 1);
  EXPECT_EQ(frames[1][0], 2);  // same sink, new device

  input->stop();
  EXPECT_TRUE(usb->destroyed);
  EXPECT_TRUE(builtin->stopped);
  EXPECT_TRUE(builtin->destroyed);
  EXPECT_EQ(listener.events().size(), 2u);  // nothing after stop
}

TEST(FollowingAudioDeviceTest, LostOutputFailsOverAndPullsFromTheSameSource) {
  auto factory = std::make_shared<FakeAudioOutputFactory>();
  factory->addDevice("hdmi#0", "HDMI");
  factory->addDevice("speakers#0", "Speakers");
  factory->setDefault("speakers#0");
  std::string error;
  auto output = FollowingAudioOutput::open(factory, "hdmi#0", 10, &error);
  ASSERT_NE(output, nullptr) << error;
  RecordingDeviceListener listener;
  output->setListener(&listener);
  CountingRenderSource source;
  ASSERT_TRUE(output->start(source, &error)) << error;

  auto hdmi = factory->opened().at(0);
  EXPECT_EQ(hdmi->pull(100).size(), 480u);
  hdmi->lose("driver gone");
  auto speakers = factory->opened().at(1);
  const std::vector<int16_t> frame = speakers->pull(200);
  ASSERT_EQ(frame.size(), 480u);
  EXPECT_EQ(frame[0], 2);  // the source's second frame: same source, continuing
  EXPECT_EQ(hdmi->pull(300), std::vector<int16_t>(480, 0));  // cut off: silence, no pull
  EXPECT_EQ(source.times(), (std::vector<int64_t>{100, 200}));
  EXPECT_EQ(listener.events(),
            (std::vector<std::string>{"lost HDMI: driver gone", "switched HDMI -> Speakers"}));
}

TEST(FollowingAudioDeviceTest, EveryLossOfTheCurrentDeviceFailsOverAgain) {
  auto factory = inputFactory();
  std::string error;
  auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error);
  ASSERT_NE(input, nullptr) << error;
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error));
  factory->opened().at(0)->lose("unplugged");
  factory->addDevice("dock#0", "Dock Microphone");
  factory->setDefault("dock#0");  // the system picked another default
  factory->opened().at(1)->lose("unplugged too");
  EXPECT_EQ(input->failovers(), 2);
  EXPECT_EQ(input->name(), "Dock Microphone");
  EXPECT_TRUE(factory->opened().at(0)->destroyed);  // retired devices do not pile up
  factory->opened().at(0)->lose("late echo");       // a stale device: ignored
  EXPECT_EQ(factory->opened().size(), 3u);
  ASSERT_TRUE(factory->opened().at(2)->deliver(7));
  EXPECT_EQ(sink.frames().back()[0], 7);
}

TEST(FollowingAudioDeviceTest, GivesUpOnADefaultThatKeepsFailingSoonAfterOpening) {
  const struct {
    const char* name;
    int64_t gapMs;  // between opening a device and losing it
    int losses;
    int64_t failovers;
    bool gaveUp;
  } cases[] = {
      {"quick losses", 1000, 6, 3, true},
      {"each default ran for a while", 6000, 6, 6, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    parley::test::FakeClock clock;
    auto factory = inputFactory();
    std::string error;
    auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error, clock);
    ASSERT_NE(input, nullptr) << error;
    RecordingDeviceListener listener;
    input->setListener(&listener);
    RecordingCaptureSink sink;
    ASSERT_TRUE(input->start(sink, &error));
    for (int i = 0; i < c.losses; ++i) {
      clock.advanceMs(c.gapMs);
      factory->opened().back()->lose("broken");
    }
    EXPECT_EQ(input->failovers(), c.failovers);
    const auto events = listener.events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back().rfind("error ", 0) == 0, c.gaveUp) << events.back();
    if (c.gaveUp) {
      EXPECT_EQ(events.back(),
                "error audio device \"Built-in Microphone\" failed 3 times in a row soon after "
                "opening; no more failover");
      EXPECT_EQ(factory->opened().size(), 4u);  // usb + 3 defaults, then no more
    }
  }
}

struct FailureCase {
  const char* name;
  bool failOpen;
  bool failStart;
};

TEST(FollowingAudioDeviceTest, NoUsableDefaultIsReportedAsAnError) {
  const FailureCase cases[] = {{"default cannot be opened", true, false},
                               {"default cannot be started", false, true}};
  for (const FailureCase& c : cases) {
    SCOPED_TRACE(c.name);
    auto factory = inputFactory();
    if (c.failOpen) factory->failOpen("builtin#0");
    if (c.failStart) factory->failStart("builtin#0");
    std::string error;
    auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error);
    ASSERT_NE(input, nullptr) << error;
    RecordingDeviceListener listener;
    input->setListener(&listener);
    RecordingCaptureSink sink;
    ASSERT_TRUE(input->start(sink, &error));
    factory->opened().at(0)->lose("unplugged");
    const auto events = listener.events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0], "lost USB Headset: unplugged");
    EXPECT_NE(
        events[1].find("error audio device \"USB Headset\" was lost and the default device could "
                       "not take over"),
        std::string::npos)
        << events[1];
    EXPECT_EQ(input->failovers(), 0);
    input->stop();  // clean stop with no current device
  }
}

TEST(FollowingAudioDeviceTest, OpeningAnUnknownDeviceFails) {
  auto factory = inputFactory();
  std::string error;
  EXPECT_EQ(FollowingAudioInput::open(factory, "nope#0", 20, &error), nullptr);
  EXPECT_EQ(error, "no fake device \"nope#0\"");
  EXPECT_EQ(FollowingAudioInput::open(nullptr, "usb#0", 20, &error), nullptr);
  EXPECT_EQ(error, "no audio device factory");
}

TEST(FollowingAudioDeviceTest, StartTwiceAndLossAfterStopAreRefused) {
  auto factory = inputFactory();
  std::string error;
  auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error);
  ASSERT_NE(input, nullptr);
  RecordingDeviceListener listener;
  input->setListener(&listener);
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error));
  EXPECT_FALSE(input->start(sink, &error));
  EXPECT_EQ(error, "audio device already started or stopped");
  auto usb = factory->opened().at(0);
  input->stop();
  usb->lose("unplugged");  // destroyed: its listener is gone; nothing happens
  EXPECT_TRUE(listener.events().empty());
  EXPECT_EQ(factory->opened().size(), 1u);
}

TEST(FollowingAudioDeviceTest, LossRacingStopNeitherDeadlocksNorLeaks) {
  for (int round = 0; round < 50; ++round) {
    auto factory = inputFactory();
    std::string error;
    auto input = FollowingAudioInput::open(factory, "usb#0", 20, &error);
    ASSERT_NE(input, nullptr);
    RecordingCaptureSink sink;
    ASSERT_TRUE(input->start(sink, &error));
    auto usb = factory->opened().at(0);
    std::thread unplug([&] { usb->lose("unplugged"); });
    input->stop();
    unplug.join();
    for (const auto& state : factory->opened()) {
      EXPECT_FALSE(state->running()) << state->name;  // whatever opened was stopped
    }
    input.reset();
    for (const auto& state : factory->opened()) {
      EXPECT_TRUE(state->destroyed) << state->name;
    }
  }
}

}  // namespace
}  // namespace parley::audio::test
