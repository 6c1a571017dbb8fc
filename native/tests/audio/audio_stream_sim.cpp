#include "audio_stream_sim.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

#include "codec/opus_encoder.h"
#include "support/fake_clock.h"

namespace parley::audio::test {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct InFlight {
  int64_t arrivalUs;
  int64_t sequence;
  int64_t timestamp;
  size_t index;
};

}  // namespace

std::vector<int16_t> makeSignal(Signal signal, int64_t firstSample, int samples) {
  std::vector<int16_t> pcm(static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i) {
    const double t = static_cast<double>(firstSample + i) / kRate;
    double value = 0;
    if (signal == Signal::kTone) {
      value = 10000 * std::sin(2 * kPi * 440 * t);
    } else {
      const double cycle = std::fmod(t, 2.5);
      if (signal == Signal::kTalkspurts && cycle >= 1.5) {
        value = 0;
      } else {
        // Pitch glides 120..220 Hz; phase is the integral of the frequency.
        const double phase =
            2 * kPi * (170 * t - 50 / (2 * kPi * 0.7) * std::cos(2 * kPi * 0.7 * t));
        const double envelope = 0.55 + 0.45 * std::sin(2 * kPi * 4 * t);
        for (int harmonic = 1; harmonic <= 8; ++harmonic) {
          value += 4000.0 / harmonic * std::sin(harmonic * phase);
        }
        value *= envelope;
      }
    }
    pcm[static_cast<size_t>(i)] = static_cast<int16_t>(std::clamp(value, -32767.0, 32767.0));
  }
  return pcm;
}

std::vector<std::vector<uint8_t>> encodeSignal(Signal signal, int frames,
                                               const EncoderSettings& settings) {
  codec::OpusEncoder encoder(kRate, 1, settings.bitrateBps);
  if (encoder.setInbandFec(settings.fec) != 0 ||
      encoder.setPacketLossPercent(settings.lossPercent) != 0 ||
      encoder.setDtx(settings.dtx) != 0 || encoder.setComplexity(settings.complexity) != 0) {
    throw std::runtime_error("encoder settings rejected");
  }
  std::vector<std::vector<uint8_t>> packets;
  std::vector<uint8_t> buffer(1500);
  for (int frame = 0; frame < frames; ++frame) {
    const std::vector<int16_t> pcm = makeSignal(signal, int64_t{frame} * kFrame, kFrame);
    const int size =
        encoder.encode(pcm.data(), kFrame, buffer.data(), static_cast<int>(buffer.size()));
    if (size < 0) throw std::runtime_error("encode failed");
    if (size <= 2) {
      packets.emplace_back();  // DTX: nothing to send
    } else {
      packets.emplace_back(buffer.begin(), buffer.begin() + size);
    }
  }
  return packets;
}

CallResult simulateCall(const std::vector<std::vector<uint8_t>>& stream,
                        const NetworkConfig& network, const AudioJitterBuffer::Config& config) {
  CallResult result;
  parley::test::FakeClock clock(1'000'000);
  const int64_t startUs = clock.nowUs();
  std::mt19937 random(network.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const int frames = network.durationMs / 20 + 10;
  std::vector<InFlight> inFlight;
  inFlight.reserve(static_cast<size_t>(frames));
  int64_t sequence = 1000;
  bool lastLost = false;
  for (int frame = 0; frame < frames; ++frame) {
    const size_t index = static_cast<size_t>(frame) % stream.size();
    if (stream[index].empty()) continue;  // DTX
    const int64_t seq = sequence++;
    ++result.packetsSent;
    const bool lost = unit(random) < network.lossRate && !(network.singleLossesOnly && lastLost);
    const double jitterUs = unit(random) * network.jitterMs * 1000.0;
    lastLost = lost;
    if (lost) {
      ++result.packetsDropped;
      continue;
    }
    // The sender's 20 ms of audio take 20 ms of its clock: less of ours if it runs fast.
    const double sentUs = frame * 20000.0 / (1.0 + network.driftPpm * 1e-6);
    const auto arrivalUs =
        startUs + static_cast<int64_t>(sentUs + network.baseDelayMs * 1000.0 + jitterUs);
    inFlight.push_back(InFlight{arrivalUs, seq, int64_t{frame} * kFrame, index});
  }
  std::stable_sort(inFlight.begin(), inFlight.end(),
                   [](const InFlight& a, const InFlight& b) { return a.arrivalUs < b.arrivalUs; });
  AudioJitterBuffer buffer(config);
  const int pullSamples = network.pullMs * kRate / 1000;
  std::vector<int16_t> pcm(static_cast<size_t>(pullSamples));
  size_t next = 0;
  const int64_t endUs = startUs + int64_t{network.durationMs} * 1000;
  for (int64_t nowUs = startUs; nowUs < endUs; nowUs += int64_t{network.pullMs} * 1000) {
    clock.setUs(nowUs);
    while (next < inFlight.size() && inFlight[next].arrivalUs <= nowUs) {
      const InFlight& packet = inFlight[next++];
      const std::vector<uint8_t>& payload = stream[packet.index];
      buffer.insert(packet.sequence, packet.timestamp, payload.data(), payload.size(),
                    packet.arrivalUs);
    }
    if (buffer.pull(pcm.data(), pullSamples, clock.nowUs()) != pullSamples) {
      throw std::runtime_error("pull did not fill the buffer");
    }
    const AudioJitterBuffer::Stats stats = buffer.stats();
    if (stats.playedMs > 0) result.delaysMs.push_back(stats.currentDelayMs);
    if (network.keepOutput) result.output.insert(result.output.end(), pcm.begin(), pcm.end());
  }
  result.stats = buffer.stats();
  return result;
}

int percentile(std::vector<int> values, double quantile) {
  if (values.empty()) return 0;
  const auto index = static_cast<size_t>(quantile * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return values[index];
}

}  // namespace parley::audio::test
