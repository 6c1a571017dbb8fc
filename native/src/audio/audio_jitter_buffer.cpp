#include "audio/audio_jitter_buffer.h"

#include <algorithm>
#include <cstdlib>

#include "audio/time_stretch.h"
#include "parley/parley.h"

namespace parley::audio {
namespace {

constexpr int kChunk = 120;              // 2.5 ms: the granularity of Opus PLC and FEC
constexpr int kWaitChunk = 480;          // concealment while no packet is there: 10 ms
constexpr int kMaxPacketSamples = 5760;  // 120 ms, the longest Opus packet
constexpr int kMinLag = 120;             // stretch by 2.5 .. 10 ms (pitch 100 .. 400 Hz)
constexpr int kMaxLag = 480;
constexpr double kGoodCorrelation = 0.5;
constexpr double kQuietEnergy = 300.0 * 300.0;  // mean square below which anything goes
constexpr int64_t kMaxSequence = int64_t{1} << 60;
constexpr int64_t kMaxTimestamp = int64_t{1} << 52;
constexpr int64_t kRestartPackets = 500;  // about 10 s of 20 ms packets
constexpr size_t kMaxPayload = 1500;
// The look-ahead stays on this long after the last packet that carried FEC
// (the sender codes FEC only while it expects loss, and only for active speech).
constexpr int64_t kFecLookaheadHoldUs = 3'000'000;

int64_t roundDown(int64_t samples) { return samples / kChunk * kChunk; }

}  // namespace

AudioJitterBuffer::AudioJitterBuffer() : AudioJitterBuffer(Config{}) {}

AudioJitterBuffer::AudioJitterBuffer(const Config& config)
    : config_(config),
      decoder_(kSampleRate, 1),
      estimator_(config.delay, std::max(config.maxDelayMs, 0), kSampleRate) {
  config_.maxDelayMs = std::max(config_.maxDelayMs, 0);
  config_.maxPackets = std::max<size_t>(config_.maxPackets, 1);
  config_.stretchThresholdMs = std::max(config_.stretchThresholdMs, 1);
  config_.lateWaitMs = std::max(config_.lateWaitMs, 0);
  seen_.fill(INT64_MIN);
  frame_.reserve(kMaxPacketSamples + kMaxLag);
}

AudioJitterBuffer::InsertResult AudioJitterBuffer::insert(int64_t sequence, int64_t rtpTimestamp,
                                                          const uint8_t* payload, size_t size,
                                                          int64_t arrivalUs) {
  ++counters_.packetsReceived;
  if (payload == nullptr || size == 0 || size > kMaxPayload || sequence > kMaxSequence ||
      sequence < -kMaxSequence || rtpTimestamp > kMaxTimestamp || rtpTimestamp < -kMaxTimestamp) {
    ++counters_.packetsInvalid;
    return InsertResult::kInvalid;
  }
  const int samples =
      codec::OpusDecoder::packetSamples(payload, static_cast<int>(size), kSampleRate);
  if (samples <= 0) {
    ++counters_.packetsInvalid;
    return InsertResult::kInvalid;
  }
  if (started_ &&
      (sequence < nextSeq_ - kRestartPackets || sequence > nextSeq_ + kRestartPackets)) {
    restart();  // the sender started over, or we were cut off for long
  }
  int64_t& seen = seen_[static_cast<uint64_t>(sequence) % seen_.size()];
  if (seen == sequence || packets_.count(sequence) != 0) {
    ++counters_.duplicates;
    return InsertResult::kDuplicate;
  }
  seen = sequence;
  estimator_.onPacket(rtpTimestamp, arrivalUs);
  if (config_.fecLookaheadMs > 0 &&
      codec::OpusDecoder::packetHasFec(payload, static_cast<int>(size))) {
    lastFecArrivalUs_ = arrivalUs;
  }
  if (started_ && (sequence < nextSeq_ || rtpTimestamp + samples <= nextTs_)) {
    ++counters_.packetsLate;  // its span has been played (concealed) already
    return InsertResult::kLate;
  }
  packets_.emplace(sequence,
                   Packet{rtpTimestamp, samples, std::vector<uint8_t>(payload, payload + size)});
  while (packets_.size() > config_.maxPackets) {
    packets_.erase(packets_.begin());
    ++counters_.packetsDiscarded;
  }
  return InsertResult::kInserted;
}

int AudioJitterBuffer::pull(int16_t* pcm, int samples, int64_t nowUs) {
  if (pcm == nullptr || samples <= 0 || samples > kMaxPacketSamples) return kErrorInvalidArgument;
  estimator_.update(nowUs);
  lookahead_ = lastFecArrivalUs_ && nowUs - *lastFecArrivalUs_ < kFecLookaheadHoldUs;
  if (!started_) tryStart(nowUs);
  if (!started_) {
    std::fill(pcm, pcm + samples, int16_t{0});
    counters_.currentDelayMs = 0;
    return samples;
  }
  enforceCap(nowUs);
  counters_.currentDelayMs = static_cast<int>(delayUs(nowUs) / 1000);
  while (static_cast<int>(out_.size()) < samples) produce(nowUs, true);
  std::copy(out_.begin(), out_.begin() + samples, pcm);
  out_.erase(out_.begin(), out_.begin() + samples);
  playedSamples_ += samples;
  return samples;
}

AudioJitterBuffer::Stats AudioJitterBuffer::stats() const {
  Stats stats = counters_;
  stats.playedMs = msOf(playedSamples_);
  stats.concealedMs = msOf(concealedSamples_);
  stats.fecRecoveredMs = msOf(fecSamples_);
  stats.comfortMs = msOf(comfortSamples_);
  stats.acceleratedMs = msOf(acceleratedSamples_);
  stats.deceleratedMs = msOf(deceleratedSamples_);
  stats.targetDelayMs = static_cast<int>(targetUs() / 1000);
  stats.jitterMs = static_cast<int>(estimator_.jitterUs() / 1000);
  stats.packetsBuffered = packets_.size();
  return stats;
}

std::optional<int64_t> AudioJitterBuffer::playoutTimestamp() const {
  if (!started_) return std::nullopt;
  return nextTs_ - static_cast<int64_t>(out_.size());
}

void AudioJitterBuffer::tryStart(int64_t nowUs) {
  if (packets_.empty() || !estimator_.baseUs()) return;
  const auto& [sequence, packet] = *packets_.begin();
  const int64_t delay = nowUs - *estimator_.baseUs() - estimator_.ticksToUs(packet.timestamp);
  if (delay < targetUs()) return;
  started_ = true;
  nextSeq_ = sequence;
  nextTs_ = packet.timestamp;
  runSamples_ = 0;
}

int64_t AudioJitterBuffer::targetUs() const {
  if (!lookahead_) return estimator_.targetUs();
  return std::min(estimator_.targetUs() + int64_t{config_.fecLookaheadMs} * 1000,
                  estimator_.maxDelayUs());
}

int64_t AudioJitterBuffer::delayUs(int64_t nowUs) const {
  const std::optional<int64_t> base = estimator_.baseUs();
  if (!base) return 0;
  const int64_t position = nextTs_ - static_cast<int64_t>(out_.size());
  return nowUs - *base - estimator_.ticksToUs(position);
}

void AudioJitterBuffer::enforceCap(int64_t nowUs) {
  // A new fastest path (the network delay dropped) or a burst can leave the
  // playout further behind than the cap allows: skip audio to the target.
  for (int guard = 0; guard < 1000 && delayUs(nowUs) > estimator_.maxDelayUs(); ++guard) {
    const int64_t excessUs = delayUs(nowUs) - targetUs();
    const int64_t excess = std::max<int64_t>(kChunk, excessUs * kSampleRate / 1'000'000);
    if (!out_.empty()) {
      const auto drop = static_cast<std::ptrdiff_t>(std::min<int64_t>(excess, out_.size()));
      out_.erase(out_.begin(), out_.begin() + drop);
    } else if (packets_.empty()) {
      nextTs_ += roundDown(excess) + kChunk;
    } else if (const int64_t gap = packets_.begin()->second.timestamp - nextTs_; gap >= kChunk) {
      nextTs_ += std::min(roundDown(excess) + kChunk, roundDown(gap));  // skip a gap at once
    } else {
      const uint64_t decodedBefore = counters_.packetsDecoded;
      produce(nowUs, false);
      counters_.packetsDiscarded += counters_.packetsDecoded - decodedBefore;
    }
  }
}

void AudioJitterBuffer::produce(int64_t nowUs, bool allowStretch) {
  while (!packets_.empty() && packets_.begin()->first < nextSeq_) {
    packets_.erase(packets_.begin());
    ++counters_.packetsLate;
  }
  if (packets_.empty()) {
    // Nothing to play: loss, lateness or DTX; the next packet will tell which.
    if (runSamples_ == 0) runStartTs_ = nextTs_;
    const int samples = std::min(frameSamples_, kWaitChunk);
    const int64_t holdUntilUs = std::min(
        estimator_.maxDelayUs(), targetUs() + int64_t{config_.lateWaitMs} * 1000);
    const bool hold = delayUs(nowUs) + estimator_.ticksToUs(samples) <= holdUntilUs;
    conceal(samples, &runSamples_, !hold);
    if (hold) heldSamples_ += samples;
    return;
  }
  auto it = packets_.begin();
  const int64_t sequence = it->first;
  Packet& next = it->second;
  const bool consecutive = sequence == nextSeq_;
  const bool hasFec =
      !consecutive &&
      codec::OpusDecoder::packetHasFec(next.payload.data(), static_cast<int>(next.payload.size()));
  if (runSamples_ > 0) {
    if (!consecutive && !hasFec) {
      // Playout held for what turns out to be a loss: that concealment
      // already stands in for the start of the missing span.
      nextTs_ += std::min(heldSamples_, roundDown(std::max<int64_t>(next.timestamp - nextTs_, 0)));
    }
    resolveRun(consecutive, next.timestamp);
  }
  const int64_t gap = next.timestamp - nextTs_;
  if (consecutive) {
    if (next.timestamp + next.samples <= nextTs_) {  // concealed over already
      packets_.erase(it);
      ++nextSeq_;
      ++counters_.packetsLate;
      return;
    }
    if (gap >= kChunk) {  // DTX: the sender was silent, nothing was lost
      const int samples = static_cast<int>(std::min<int64_t>(roundDown(gap), frameSamples_));
      conceal(samples, &comfortSamples_);
      // Above target: leave out some of the silence (inaudible acceleration).
      const int64_t excessUs = delayUs(nowUs) - targetUs();
      if (allowStretch && excessUs > int64_t{config_.stretchThresholdMs} * 1000) {
        const int64_t skip = std::min(roundDown(excessUs * kSampleRate / 1'000'000),
                                      roundDown(next.timestamp - nextTs_));
        nextTs_ += skip;
        acceleratedSamples_ += skip;
      }
      return;
    }
    const Packet packet = std::move(next);
    packets_.erase(it);
    nextSeq_ = sequence + 1;
    decodePacket(packet, nowUs, allowStretch);
    return;
  }
  // nextSeq_ .. sequence - 1 are missing. When playout reaches the frame just
  // before `next`, recover it from next's in-band FEC if it has any.
  if (hasFec && gap == next.samples) {
    frame_.resize(static_cast<size_t>(gap));
    const int recovered =
        decoder_.decodeFec(next.payload.data(), static_cast<int>(next.payload.size()),
                           frame_.data(), static_cast<int>(gap));
    if (recovered == gap) {
      out_.insert(out_.end(), frame_.begin(), frame_.end());
      nextTs_ += gap;
      fecSamples_ += gap;
      ++counters_.fecRecovered;
      counters_.packetsLost += static_cast<uint64_t>(sequence - nextSeq_ - 1);
      nextSeq_ = sequence;
      return;
    }
  }
  if (gap >= kChunk) {
    int64_t samples = roundDown(hasFec && gap > next.samples ? gap - next.samples : gap);
    if (samples == 0) samples = roundDown(gap);
    conceal(static_cast<int>(std::min<int64_t>(samples, frameSamples_)), &concealedSamples_);
    return;
  }
  // The missing packets' time has been played: give them up.
  counters_.packetsLost += static_cast<uint64_t>(sequence - nextSeq_);
  nextSeq_ = sequence;
}

void AudioJitterBuffer::decodePacket(const Packet& packet, int64_t nowUs, bool allowStretch) {
  frame_.resize(kMaxPacketSamples);
  const int samples =
      decoder_.decode(packet.payload.data(), static_cast<int>(packet.payload.size()), frame_.data(),
                      kMaxPacketSamples);
  if (samples <= 0) {
    ++counters_.packetsInvalid;
    const int64_t duration = roundDown(packet.timestamp + packet.samples - nextTs_);
    if (duration > 0) {
      conceal(static_cast<int>(std::min<int64_t>(duration, kMaxPacketSamples)), &concealedSamples_);
    }
    return;
  }
  frame_.resize(static_cast<size_t>(samples));
  ++counters_.packetsDecoded;
  frameSamples_ = samples;
  const int64_t skip = std::clamp<int64_t>(nextTs_ - packet.timestamp, 0, samples);
  if (skip > 0) {
    // Arrived while its start was being concealed: play the rest.
    frame_.erase(frame_.begin(), frame_.begin() + static_cast<std::ptrdiff_t>(skip));
  } else if (allowStretch) {
    stretch(frame_, nowUs);
  }
  nextTs_ = packet.timestamp + samples;
  out_.insert(out_.end(), frame_.begin(), frame_.end());
}

void AudioJitterBuffer::stretch(std::vector<int16_t>& frame, int64_t nowUs) {
  if (static_cast<int>(frame.size()) < 2 * kMaxLag) return;
  const int64_t delay = delayUs(nowUs);
  const int64_t target = targetUs();
  const int64_t threshold = int64_t{config_.stretchThresholdMs} * 1000;
  // Below target risks concealment, above only costs latency: slow down sooner.
  const bool accelerate = delay > target + threshold;
  if (!accelerate && delay >= target - threshold / 2) return;
  const StretchLag lag = findStretchLag(frame, kMinLag, kMaxLag);
  // Only where it cannot be heard (periodic or quiet audio), unless far off.
  const bool inaudible = lag.correlation >= kGoodCorrelation || lag.energy < kQuietEnergy;
  if (!inaudible && std::llabs(delay - target) < 4 * threshold) return;
  if (accelerate) {
    removeLag(frame, lag.lag);
    acceleratedSamples_ += lag.lag;
  } else {
    insertLag(frame, lag.lag);
    deceleratedSamples_ += lag.lag;
  }
}

void AudioJitterBuffer::conceal(int samples, int64_t* counter, bool advance) {
  frame_.resize(static_cast<size_t>(samples));
  if (decoder_.conceal(frame_.data(), samples) != samples) {
    std::fill(frame_.begin(), frame_.end(), int16_t{0});
  }
  out_.insert(out_.end(), frame_.begin(), frame_.end());
  if (advance) nextTs_ += samples;
  *counter += samples;
}

void AudioJitterBuffer::resolveRun(bool consecutive, int64_t timestamp) {
  // The span up to the next consecutive packet's timestamp had no packet: DTX.
  const int64_t dtx =
      consecutive ? std::clamp<int64_t>(timestamp - runStartTs_, 0, runSamples_) : 0;
  comfortSamples_ += dtx;
  concealedSamples_ += runSamples_ - dtx;
  runSamples_ = 0;
  heldSamples_ = 0;
}

void AudioJitterBuffer::restart() {
  concealedSamples_ += runSamples_;
  runSamples_ = 0;
  heldSamples_ = 0;
  packets_.clear();
  out_.clear();
  seen_.fill(INT64_MIN);
  started_ = false;
  lastFecArrivalUs_.reset();
  lookahead_ = false;
  estimator_.reset();
  ++counters_.restarts;
}

}  // namespace parley::audio
