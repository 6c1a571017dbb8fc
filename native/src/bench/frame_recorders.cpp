#include "bench/frame_recorders.h"

#include <algorithm>
#include <optional>

#include "capture/frame_stamp.h"

namespace parley::bench {

render::RenderStats RecordingRenderer::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void CaptureLog::render(const video::VideoFrame& frame) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto sequence = static_cast<size_t>(std::max<int64_t>(0, frame.sourceSequence));
  if (sequence >= kMaxLogEntries) return;
  if (captureUs_.size() <= sequence) captureUs_.resize(sequence + 1, -1);
  captureUs_[sequence] = frame.captureTimeUs;
  ++stats_.framesRendered;
}

void CaptureLog::prepare(size_t frames) {
  std::lock_guard<std::mutex> lock(mutex_);
  frames = std::min(frames, kMaxLogEntries);
  if (captureUs_.size() < frames) captureUs_.resize(frames, -1);  // -1: not seen yet
}

std::vector<int64_t> CaptureLog::captureTimes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return captureUs_;
}

void StampReader::prepare(size_t frames) {
  std::lock_guard<std::mutex> lock(mutex_);
  frames = std::min(frames, kMaxLogEntries);
  if (events_.capacity() >= frames) return;
  const std::vector<RenderEvent> kept = events_;
  events_.assign(frames, RenderEvent{});  // written, so resident
  events_.assign(kept.begin(), kept.end());
}

StampReader::StampReader(const Clock& clock, std::unique_ptr<render::VideoRenderer> target)
    : clock_(clock), target_(std::move(target)) {}

void StampReader::render(const video::VideoFrame& frame) {
  // Drawn first: the latency is until the picture is in its target.
  if (target_) target_->render(frame);
  RenderEvent event;
  event.renderedUs = clock_.nowUs();
  const std::optional<capture::FrameStampValue> stamp = capture::FrameStamp::read(frame);
  if (stamp) {
    event.sequence = stamp->sequence;
    event.stampCaptureUs = static_cast<int64_t>(stamp->captureTimeMs) * 1000;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.framesRendered;
  stats_.videoWidth = frame.width;
  stats_.videoHeight = frame.height;
  if (events_.size() < kMaxLogEntries) events_.push_back(event);
}

std::vector<RenderEvent> StampReader::events() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_;
}

int64_t StampReader::framesDrawn() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_.framesRendered;
}

StampReader::Interval StampReader::takeInterval() {
  std::lock_guard<std::mutex> lock(mutex_);
  Interval interval;
  int64_t lastSequence = intervalStart_ > 0 ? events_[intervalStart_ - 1].sequence : -1;
  for (; intervalStart_ < events_.size(); ++intervalStart_) {
    const RenderEvent& event = events_[intervalStart_];
    if (event.sequence < 0 || event.sequence == lastSequence) continue;
    lastSequence = event.sequence;
    ++interval.framesDrawn;
    interval.latenciesMs.push_back(static_cast<double>(event.renderedUs - event.stampCaptureUs) /
                                   1000.0);
  }
  return interval;
}

void CodecTimes::onVideoSendStreamEncoded(const video::VideoFrame& /*frame*/, int64_t encodeUs,
                                          size_t /*bytes*/, bool /*keyframe*/) {
  if (!inWindow()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  encode_.add(static_cast<double>(encodeUs) / 1000.0);
}

void CodecTimes::onVideoReceiveStreamRendered(const video::VideoFrame& /*frame*/, int64_t decodeUs) {
  if (!inWindow()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  decode_.add(static_cast<double>(decodeUs) / 1000.0);
}

CodecTimes::Summary CodecTimes::summary() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Summary s;
  s.framesEncoded = static_cast<int64_t>(encode_.count());
  s.framesDecoded = static_cast<int64_t>(decode_.count());
  if (encode_.count() > 0) {
    s.encodeP50Ms = encode_.percentile(50);
    s.encodeP95Ms = encode_.percentile(95);
    s.encodeMeanMs = encode_.mean();
  }
  if (decode_.count() > 0) {
    s.decodeP50Ms = decode_.percentile(50);
    s.decodeP95Ms = decode_.percentile(95);
    s.decodeMeanMs = decode_.mean();
  }
  return s;
}

void CodecTimes::prepare(size_t frames) {
  std::lock_guard<std::mutex> lock(mutex_);
  encode_.prepare(frames);
  decode_.prepare(frames);
}

}  // namespace parley::bench
