// Test support: an Opus-encoded stream sent over a simulated network (seeded
// loss, delay jitter, sender clock drift) into an AudioJitterBuffer pulled by a
// simulated audio device. Time is simulated; nothing sleeps.
#ifndef PARLEY_TESTS_AUDIO_AUDIO_STREAM_SIM_H
#define PARLEY_TESTS_AUDIO_AUDIO_STREAM_SIM_H

#include <cstdint>
#include <vector>

#include "audio/audio_jitter_buffer.h"

namespace parley::audio::test {

constexpr int kRate = 48000;
constexpr int kFrame = 960;  // 20 ms

enum class Signal {
  kTone,        // 440 Hz sine
  kSpeechLike,  // harmonics of a gliding 120-220 Hz pitch, 4 Hz syllable envelope
  kTalkspurts,  // kSpeechLike for 1.5 s, then 1 s of digital silence, repeated
};

struct EncoderSettings {
  int bitrateBps = 32000;
  bool fec = false;
  int lossPercent = 0;
  bool dtx = false;
  int complexity = 5;
};

// One entry per 20 ms frame; an empty packet is a DTX frame the sender did not send.
std::vector<std::vector<uint8_t>> encodeSignal(Signal signal, int frames,
                                               const EncoderSettings& settings);
std::vector<int16_t> makeSignal(Signal signal, int64_t firstSample, int samples);

struct NetworkConfig {
  uint32_t seed = 1;
  double lossRate = 0;
  bool singleLossesOnly = false;  // never lose two packets in a row
  int baseDelayMs = 30;
  int jitterMs = 0;     // each packet delayed by a further uniform 0..jitterMs
  double driftPpm = 0;  // sender clock faster (+) or slower (-) than ours
  int durationMs = 60000;
  int pullMs = 10;
  bool keepOutput = false;
};

struct CallResult {
  AudioJitterBuffer::Stats stats;
  std::vector<int> delaysMs;    // currentDelayMs after every pull once playing
  std::vector<int16_t> output;  // everything pulled (keepOutput)
  uint64_t packetsSent = 0;
  uint64_t packetsDropped = 0;  // by the network
};

// Sends `stream` (looped as needed) frame by frame and pulls the buffer every
// pullMs for durationMs.
CallResult simulateCall(const std::vector<std::vector<uint8_t>>& stream,
                        const NetworkConfig& network, const AudioJitterBuffer::Config& config = {});

int percentile(std::vector<int> values, double quantile);

}  // namespace parley::audio::test

#endif  // PARLEY_TESTS_AUDIO_AUDIO_STREAM_SIM_H
