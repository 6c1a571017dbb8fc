// The software devices for machines without sound: tone and voice
// generators, frame pacing on a fake clock, tone/voice input and null output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "audio/device/audio_devices.h"
#include "audio/device/fake_audio_device.h"
#include "audio/device/null_sink.h"
#include "audio/device/paced_audio_thread.h"
#include "audio/device/tone_source.h"
#include "codec/opus_decoder.h"
#include "codec/opus_encoder.h"
#include "support/fake_clock.h"
#include "support/tone_power.h"

namespace parley::audio::test {
namespace {

struct ToneCase {
  const char* name;
  double hz;
  double otherHz;  // a frequency that must be far weaker
};

TEST(ToneGeneratorTest, PowerSitsAtTheRequestedFrequency) {
  const ToneCase cases[] = {
      {"440 Hz", 440, 1000}, {"1 kHz", 1000, 440}, {"3.5 kHz", 3500, 1200}, {"100 Hz", 100, 2000}};
  for (const ToneCase& c : cases) {
    SCOPED_TRACE(c.name);
    ToneGenerator generator(c.hz, 0.5);
    std::vector<int16_t> pcm(4800);  // 100 ms, generated in 20 ms pieces
    for (size_t at = 0; at < pcm.size(); at += 960) generator.generate(pcm.data() + at, 960);
    const double at = parley::test::tonePower(pcm, c.hz);
    const double off = parley::test::tonePower(pcm, c.otherHz);
    EXPECT_GT(at, 1000 * off);
    // Goertzel power of a sine of amplitude A over N samples is (A N / 2)^2.
    const double expected = std::pow(0.5 * 32767 * 4800 / 2, 2);
    EXPECT_NEAR(at / expected, 1.0, 0.05);
  }
}

TEST(ToneGeneratorTest, PiecesJoinWithoutAPhaseJumpAndRespectTheLevel) {
  ToneGenerator pieces(1000, 0.25);
  ToneGenerator whole(1000, 0.25);
  std::vector<int16_t> a(960);
  std::vector<int16_t> b(960);
  pieces.generate(a.data(), 480);
  pieces.generate(a.data() + 480, 480);
  whole.generate(b.data(), 960);
  EXPECT_EQ(a, b);
  int peak = 0;
  for (int16_t s : b) peak = std::max(peak, std::abs(static_cast<int>(s)));
  EXPECT_NEAR(peak, 0.25 * 32767, 2);
  ToneGenerator loud(1000, 7.0);  // clamped to full scale
  loud.generate(b.data(), 960);
  for (int16_t s : b) EXPECT_GE(s, -32767);
}

struct PacerStep {
  int64_t advanceUs;
  int due;
  int64_t skipped;
};

TEST(AudioFramePacerTest, FramesFallDueEveryFramePeriod) {
  const struct {
    const char* name;
    std::vector<PacerStep> steps;
  } cases[] = {
      {"on time", {{0, 1, 0}, {19'999, 0, 0}, {1, 1, 0}, {20'000, 1, 0}}},
      {"late by two frames", {{0, 1, 0}, {45'000, 2, 0}, {15'000, 1, 0}}},
      {"a long stall skips all but a burst",
       {{0, 1, 0}, {1'000'000, 5, 45}, {10'000, 0, 45}, {10'000, 1, 45}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    parley::test::FakeClock clock;
    AudioFramePacer pacer(20'000);
    const int64_t startUs = clock.nowUs();
    pacer.start(startUs);
    for (const PacerStep& step : c.steps) {
      clock.advanceUs(step.advanceUs);
      EXPECT_EQ(pacer.takeDue(clock.nowUs()), step.due);
      EXPECT_EQ(pacer.framesSkipped(), step.skipped);
      EXPECT_GT(pacer.nextDueUs(), clock.nowUs());
      EXPECT_EQ((pacer.nextDueUs() - startUs) % 20'000, 0);  // stays on the grid
    }
  }
}

TEST(AudioFramePacerTest, DueTimesOfABurst) {
  AudioFramePacer pacer(10'000);
  pacer.start(0);
  ASSERT_EQ(pacer.takeDue(0), 1);
  ASSERT_EQ(pacer.takeDue(30'000), 3);
  EXPECT_EQ(pacer.dueUsOfTaken(0, 3), 10'000);
  EXPECT_EQ(pacer.dueUsOfTaken(2, 3), 30'000);
  EXPECT_EQ(pacer.framesTaken(), 4);
}

TEST(ToneAudioInputTest, DeliversOneToneFramePerPeriodOfTheClock) {
  AtomicFakeClock clock;
  const int64_t startUs = clock.nowUs();
  std::string error;
  auto input = openAudioInput(AudioInputSpec::tone(1000), &error, clock);
  ASSERT_NE(input, nullptr) << error;
  EXPECT_EQ(input->name(), "Tone 1000 Hz");
  EXPECT_EQ(input->frameMs(), 20);
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error)) << error;
  for (size_t frames = 1; frames < 5; ++frames) {
    ASSERT_TRUE(sink.waitForFrames(frames));
    clock.advanceMs(20);
  }
  ASSERT_TRUE(sink.waitForFrames(5));
  input->stop();
  EXPECT_FALSE(input->start(sink, &error));
  EXPECT_EQ(sink.times(), (std::vector<int64_t>{startUs, startUs + 20'000, startUs + 40'000,
                                                startUs + 60'000, startUs + 80'000}));
  std::vector<int16_t> all;
  for (const auto& frame : sink.frames()) {
    ASSERT_EQ(frame.size(), 960u);
    all.insert(all.end(), frame.begin(), frame.end());
  }
  EXPECT_GT(parley::test::tonePower(all, 1000), 1000 * parley::test::tonePower(all, 1500));
}

TEST(ToneAudioInputTest, RejectsBadSettings) {
  const struct {
    const char* name;
    double hz;
    int frameMs;
    const char* reason;
  } cases[] = {{"0 Hz", 0, 20, "tone frequency must be between 0 and 24000 Hz"},
               {"above Nyquist", 30000, 20, "tone frequency"},
               {"NaN", std::nan(""), 20, "tone frequency"},
               {"5 ms frames", 440, 5, "audio frame length must be 10 or 20 ms, not 5"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string error;
    EXPECT_EQ(ToneAudioInput::create(c.hz, 0.5, c.frameMs, &error), nullptr);
    EXPECT_NE(error.find(c.reason), std::string::npos) << error;
  }
}

TEST(VoiceGeneratorTest, PiecesJoinAndThePeakRespectsTheLevel) {
  VoiceGenerator pieces(170, 0.5);
  VoiceGenerator whole(170, 0.5);
  std::vector<int16_t> a(48000);
  std::vector<int16_t> b(48000);
  for (size_t at = 0; at < a.size(); at += 480) pieces.generate(a.data() + at, 480);
  whole.generate(b.data(), b.size());
  EXPECT_EQ(a, b);
  int peak = 0;
  for (int16_t v : b) peak = std::max(peak, std::abs(static_cast<int>(v)));
  EXPECT_LE(peak, 16384);
  EXPECT_GT(peak, 16384 / 4);  // loud enough to be speech, not silence
  // Voiced: the pitch region carries far more power than well above the harmonics.
  EXPECT_GT(parley::test::tonePower(b, 170), 100 * parley::test::tonePower(b, 9000));
}

// Why the bench needs the voice: Opus codes in-band FEC (LBRR) only for
// frames its voice activity detector calls active, which a steady sine
// stops being within a second (measured: about 1 packet in 10 keeps FEC).
TEST(VoiceGeneratorTest, OpusCodesInbandFecForTheVoiceButHardlyForASteadyTone) {
  struct Case {
    const char* name;
    std::function<void(int16_t*, size_t)> generate;
    bool mostPacketsWithFec;
  };
  ToneGenerator tone(440, 0.25);
  VoiceGenerator voice(170, 0.25);
  const Case cases[] = {
      {"440 Hz sine", [&tone](int16_t* p, size_t n) { tone.generate(p, n); }, false},
      {"voice 170 Hz", [&voice](int16_t* p, size_t n) { voice.generate(p, n); }, true},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    codec::OpusEncoder encoder(48000, 1, 32000);
    ASSERT_EQ(encoder.setInbandFec(true), 0);
    ASSERT_EQ(encoder.setPacketLossPercent(10), 0);
    ASSERT_EQ(encoder.setComplexity(9), 0);
    std::vector<int16_t> pcm(960);
    std::vector<uint8_t> packet(1275);
    int withFec = 0;
    const int frames = 500;  // 10 s
    for (int i = 0; i < frames; ++i) {
      c.generate(pcm.data(), pcm.size());
      const int size = encoder.encode(pcm.data(), 960, packet.data(), 1275);
      ASSERT_GT(size, 0);
      if (codec::OpusDecoder::packetHasFec(packet.data(), size)) ++withFec;
    }
    std::printf("[figures] %s: FEC in %d of %d packets at 10%% expected loss\n", c.name, withFec,
                frames);
    if (c.mostPacketsWithFec) {
      EXPECT_GT(withFec, frames * 6 / 10);
    } else {
      EXPECT_LT(withFec, frames / 4);
    }
  }
}

TEST(ToneAudioInputTest, VoiceSpecOpensTheVoiceAndChecksItsPitch) {
  AtomicFakeClock clock;
  std::string error;
  auto input = openAudioInput(AudioInputSpec::voice(), &error, clock);
  ASSERT_NE(input, nullptr) << error;
  EXPECT_EQ(input->name(), "Voice 170 Hz");
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error)) << error;
  ASSERT_TRUE(sink.waitForFrames(1));
  input->stop();
  const std::vector<int16_t> first = sink.frames().front();
  EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](int16_t v) { return v != 0; }));
  EXPECT_EQ(openAudioInput(AudioInputSpec::voice(3000), &error, clock), nullptr);
  EXPECT_NE(error.find("voice pitch must be between 0 and 2000 Hz"), std::string::npos) << error;
}

TEST(NullAudioOutputTest, PullsOneFramePerPeriodAndDiscardsIt) {
  AtomicFakeClock clock;
  const int64_t startUs = clock.nowUs();
  std::string error;
  AudioOutputSpec spec = AudioOutputSpec::null();
  spec.frameMs = 10;
  auto output = openAudioOutput(spec, &error, clock);
  ASSERT_NE(output, nullptr) << error;
  EXPECT_EQ(output->name(), "Null output");
  CountingRenderSource source;
  ASSERT_TRUE(output->start(source, &error)) << error;
  for (size_t pulls = 1; pulls < 4; ++pulls) {
    ASSERT_TRUE(source.waitForPulls(pulls));
    clock.advanceMs(10);
  }
  ASSERT_TRUE(source.waitForPulls(4));
  output->stop();
  EXPECT_EQ(source.times(),
            (std::vector<int64_t>{startUs, startUs + 10'000, startUs + 20'000, startUs + 30'000}));
  EXPECT_EQ(static_cast<NullAudioOutput*>(output.get())->framesPulled(), 4);
  EXPECT_EQ(NullAudioOutput::create(15, &error), nullptr);
}

TEST(PacedAudioThreadTest, StopFromATickEndsTheThread) {
  AtomicFakeClock clock;
  RecordingCaptureSink sink;
  std::unique_ptr<PacedAudioThread> thread;
  int ticks = 0;
  thread = std::make_unique<PacedAudioThread>(clock, 10, [&](int64_t dueUs) {
    ++ticks;
    int16_t sample = 0;
    sink.onCapturedAudio(&sample, 1, dueUs);
    thread->stop();
  });
  ASSERT_TRUE(thread->start());
  ASSERT_TRUE(sink.waitForFrames(1));
  clock.advanceMs(100);
  thread->stop();  // joins the thread, which ended after its first tick
  EXPECT_EQ(ticks, 1);
  EXPECT_FALSE(thread->start());
}

}  // namespace
}  // namespace parley::audio::test
