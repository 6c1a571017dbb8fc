#include "sync/stream_synchronizer.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace parley::sync {
namespace {

int roundToMs(int64_t us) { return static_cast<int>(us >= 0 ? (us + 500) / 1000 : (us - 500) / 1000); }

// Moves value toward target by at most maxStep.
int stepToward(int value, int target, int maxStep) {
  return value + std::clamp(target - value, -maxStep, maxStep);
}

}  // namespace

StreamSynchronizer::StreamSynchronizer() : StreamSynchronizer(Config{}) {}

StreamSynchronizer::StreamSynchronizer(const Config& config)
    : config_(config), audioClock_(config.audioClock), videoClock_(config.videoClock) {
  config_.updateIntervalMs = std::max(config_.updateIntervalMs, 0);
  config_.maxStepMs = std::max(config_.maxStepMs, 1);
  config_.maxDelayMs = std::max(config_.maxDelayMs, 0);
  config_.deadbandMs = std::max(config_.deadbandMs, 0);
  config_.filterLength = std::max<size_t>(config_.filterLength, 1);
  config_.maxPointAgeMs = std::max(config_.maxPointAgeMs, 1);
  config_.maxOffsetMs = std::clamp(config_.maxOffsetMs, 1, 3'600'000);
}

RtpToNtpEstimator::Result StreamSynchronizer::onAudioSenderReport(uint64_t ntpTimestamp,
                                                                  uint32_t rtpTimestamp) {
  return audioClock_.onSenderReport(ntpTimestamp, rtpTimestamp);
}

RtpToNtpEstimator::Result StreamSynchronizer::onVideoSenderReport(uint64_t ntpTimestamp,
                                                                  uint32_t rtpTimestamp) {
  return videoClock_.onSenderReport(ntpTimestamp, rtpTimestamp);
}

void StreamSynchronizer::onAudioPlayout(uint32_t rtpTimestamp, int64_t playoutUs) {
  audioPoint_ = Point{rtpTimestamp, playoutUs};
}

void StreamSynchronizer::onVideoPlayout(uint32_t rtpTimestamp, int64_t playoutUs) {
  videoPoint_ = Point{rtpTimestamp, playoutUs};
}

bool StreamSynchronizer::update(int64_t nowUs, int currentVideoDelayMs, int currentAudioDelayMs) {
  if (lastUpdateUs_ && nowUs - *lastUpdateUs_ < int64_t{config_.updateIntervalMs} * 1000 &&
      nowUs >= *lastUpdateUs_) {
    return false;
  }
  lastUpdateUs_ = nowUs;
  ++stats_.updates;
  const std::optional<int64_t> offsetUs = measureOffsetUs(nowUs);
  if (!offsetUs) return false;
  ++stats_.measurements;
  const int offsetMs = roundToMs(*offsetUs);
  stats_.offsetMs = offsetMs;

  // The buffers' part of the offset moves with our own delays (and the
  // buffers' adaptation); what is left is the stream paths' difference.
  currentVideoDelayMs = std::clamp(currentVideoDelayMs, 0, 3'600'000);
  currentAudioDelayMs = std::clamp(currentAudioDelayMs, 0, 3'600'000);
  const int relativeMs = currentVideoDelayMs - currentAudioDelayMs;
  bases_.push_back(offsetMs - relativeMs);
  if (bases_.size() > config_.filterLength) bases_.pop_front();
  const int filteredMs = medianBase() + relativeMs;
  stats_.filteredOffsetMs = filteredMs;

  const int error = -filteredMs;  // wanted change of (video delay - audio delay)
  if (std::abs(error) <= config_.deadbandMs) return false;
  const Delays before = delays_;
  step(std::clamp(error, -config_.maxStepMs, config_.maxStepMs), error, currentVideoDelayMs);
  const bool changed = before.videoMinimumDelayMs != delays_.videoMinimumDelayMs ||
                       before.audioExtraDelayMs != delays_.audioExtraDelayMs;
  if (changed) ++stats_.changes;
  return changed;
}

// change > 0: video must come later relative to audio; < 0: earlier.
void StreamSynchronizer::step(int change, int error, int currentVideoDelayMs) {
  int& video = delays_.videoMinimumDelayMs;
  int& audio = delays_.audioExtraDelayMs;
  if (change > 0) {
    // Undo audio delay before holding video back: the lower total latency.
    if (config_.audioExtraApplied) {
      const int undone = std::min(audio, change);
      audio -= undone;
      change -= undone;
    } else {
      audio = stepToward(audio, 0, config_.maxStepMs);
    }
    // From what the buffer applies: the minimum when it binds, the buffer's
    // own delay when that is higher, its cap when the minimum is above that
    // (so a capped minimum does not run away).
    if (change > 0) video = std::min(config_.maxDelayMs, currentVideoDelayMs + change);
    return;
  }
  int need = -change;
  int undone = 0;
  if (video > 0) {
    // The minimum only holds video back while it is what the buffer applies
    // (1 ms for the buffer's rounding); below the jitter delay it does nothing.
    if (video + 1 >= currentVideoDelayMs) {
      undone = std::min(video, need);
      video -= undone;
      need -= undone;
    } else {
      video = 0;
    }
  }
  if (config_.audioExtraApplied) {
    if (need > 0) audio = std::min(config_.maxDelayMs, audio + need);
  } else {
    // Not applied, so not in the measured offset: the wish is absolute.
    const int wish = std::clamp(-error - undone, 0, config_.maxDelayMs);
    audio = stepToward(audio, wish, config_.maxStepMs);
  }
}

std::optional<int64_t> StreamSynchronizer::measureOffsetUs(int64_t nowUs) {
  const int64_t maxAgeUs = int64_t{config_.maxPointAgeMs} * 1000;
  const auto recent = [&](const std::optional<Point>& point) {
    return point && point->playoutUs >= nowUs - maxAgeUs && point->playoutUs <= nowUs + maxAgeUs;
  };
  if (!recent(audioPoint_) || !recent(videoPoint_)) {
    ++stats_.skippedNoPlayout;
    return std::nullopt;
  }
  int64_t audioNtpUs = 0;
  int64_t videoNtpUs = 0;
  if (!audioClock_.estimateNtpUs(audioPoint_->rtpTimestamp, &audioNtpUs) ||
      !videoClock_.estimateNtpUs(videoPoint_->rtpTimestamp, &videoNtpUs)) {
    ++stats_.skippedNoClock;
    return std::nullopt;
  }
  const int64_t captureDiffUs = videoNtpUs - audioNtpUs;
  const int64_t maxOffsetUs = int64_t{config_.maxOffsetMs} * 1000;
  // Capture instants hours apart (one stream's clock restarted): no offset.
  if (captureDiffUs > int64_t{1} << 50 || captureDiffUs < -(int64_t{1} << 50)) {
    ++stats_.implausible;
    return std::nullopt;
  }
  const int64_t offsetUs = (videoPoint_->playoutUs - audioPoint_->playoutUs) - captureDiffUs;
  if (offsetUs > maxOffsetUs || offsetUs < -maxOffsetUs) {
    ++stats_.implausible;
    return std::nullopt;
  }
  return offsetUs;
}

int StreamSynchronizer::medianBase() const {
  std::vector<int> values(bases_.begin(), bases_.end());
  std::sort(values.begin(), values.end());
  const size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return values[mid];
  return static_cast<int>((int64_t{values[mid - 1]} + values[mid]) / 2);
}

void StreamSynchronizer::reset() {
  audioClock_.reset();
  videoClock_.reset();
  audioPoint_.reset();
  videoPoint_.reset();
  lastUpdateUs_.reset();
  bases_.clear();
  delays_ = Delays{};
  stats_.offsetMs.reset();
  stats_.filteredOffsetMs.reset();
}

}  // namespace parley::sync
