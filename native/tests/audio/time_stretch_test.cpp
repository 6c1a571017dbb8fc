#include "audio/time_stretch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "audio_stream_sim.h"
#include "support/tone_power.h"

namespace parley::audio {
namespace {

TEST(AudioTimeStretchTest, FindsThePeriodOfATone) {
  const std::vector<int16_t> tone = test::makeSignal(test::Signal::kTone, 0, 960);
  const StretchLag lag = findStretchLag(tone, 120, 480);
  // 440 Hz: a period is 109.1 samples; the best lag in range is a multiple.
  const double periods = lag.lag * 440.0 / 48000.0;
  EXPECT_NEAR(periods, std::round(periods), 0.05);
  EXPECT_GT(lag.correlation, 0.99);
}

TEST(AudioTimeStretchTest, RemoveAndInsertChangeTheLengthByTheLag) {
  std::vector<int16_t> pcm = test::makeSignal(test::Signal::kSpeechLike, 0, 960);
  removeLag(pcm, 200);
  EXPECT_EQ(pcm.size(), 760u);
  insertLag(pcm, 300);
  EXPECT_EQ(pcm.size(), 1060u);
  std::vector<int16_t> shortOne(100);
  removeLag(shortOne, 60);  // needs 2 x lag: left alone
  EXPECT_EQ(shortOne.size(), 100u);
}

TEST(AudioTimeStretchTest, StretchedToneKeepsItsFrequency) {
  std::vector<int16_t> out;
  for (int frame = 0; frame < 100; ++frame) {
    std::vector<int16_t> pcm = test::makeSignal(test::Signal::kTone, frame * 960, 960);
    const StretchLag lag = findStretchLag(pcm, 120, 480);
    if (frame % 2 == 0) {
      removeLag(pcm, lag.lag);
    } else {
      insertLag(pcm, lag.lag);
    }
    // Keep continuity between frames as the buffer does: the frames are cut
    // at arbitrary phases, so only the frequency is checked, not the envelope.
    out.insert(out.end(), pcm.begin(), pcm.end());
  }
  const double at440 = parley::test::tonePower(out, 440);
  EXPECT_GT(at440, 50 * parley::test::tonePower(out, 660));
  EXPECT_GT(at440, 50 * parley::test::tonePower(out, 300));
}

}  // namespace
}  // namespace parley::audio
