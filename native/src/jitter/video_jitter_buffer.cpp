#include "jitter/video_jitter_buffer.h"

#include <algorithm>
#include <utility>

namespace parley::jitter {
namespace {

constexpr int64_t kMaxAbsSequence = int64_t{1} << 60;
constexpr int64_t kMaxAbsTimestamp = int64_t{1} << 52;
constexpr int64_t kMaxArrivalAgeUs = 10'000'000;
// Original (not retransmitted) packets that are all too old, at least this
// many over at least this long with nothing accepted in between, mean the
// stream is behind the decoded position for good (the sender restarted close
// to where it was, or junk moved the position ahead): start over. Late
// retransmissions and short bursts of stragglers do not count.
constexpr uint32_t kTooOldRunPackets = 32;
constexpr int64_t kTooOldRunUs = 1'000'000;

// Extreme values would overflow the sequence and time arithmetic downstream.
bool inRange(const video::VideoPacket& packet) {
  return packet.sequence >= -kMaxAbsSequence && packet.sequence <= kMaxAbsSequence &&
         packet.rtpTimestamp >= -kMaxAbsTimestamp && packet.rtpTimestamp <= kMaxAbsTimestamp;
}

int toMs(int64_t us) { return static_cast<int>((us + 500) / 1000); }

}  // namespace

VideoJitterBuffer::VideoJitterBuffer() : VideoJitterBuffer(Config{}) {}

VideoJitterBuffer::VideoJitterBuffer(const Config& config)
    : config_(config),
      assembler_(config.maxPackets),
      nack_(config.nack, *this),
      delay_(config.delay, config.maxDelayMs),
      frames_(config.maxFrames, *this),
      keyframes_(config.keyframeRequestIntervalMs) {
  config_.maxDelayMs = std::max(config_.maxDelayMs, 0);
  config_.maxPacketWaitMs = std::max(config_.maxPacketWaitMs, config_.maxDelayMs);
}

VideoJitterBuffer::InsertResult VideoJitterBuffer::insertPacket(const video::VideoPacket& packet,
                                                                int64_t nowUs,
                                                                int64_t sendTimeUs) {
  return insertPacket(video::VideoPacket(packet), nowUs, sendTimeUs);
}

VideoJitterBuffer::InsertResult VideoJitterBuffer::insertPacket(video::VideoPacket&& packet,
                                                                int64_t nowUs,
                                                                int64_t sendTimeUs) {
  nowUs_ = nowUs;
  ++counters_.packetsReceived;
  if (!inRange(packet)) {
    ++counters_.packetsInvalid;
    return InsertResult::kInvalid;
  }
  const int64_t seq = packet.sequence;
  const std::optional<int64_t> decoded = frames_.decodedUpTo();
  if (decoded && seq <= *decoded) {
    if (*decoded - seq <= config_.nack.maxPacketAge && !stuckBehind(packet, nowUs)) {
      ++counters_.packetsTooOld;
      return InsertResult::kTooOld;
    }
    restart();
  }
  tooOldRun_ = 0;

  int64_t arrivalUs = packet.arrivalTimeUs;
  if (arrivalUs > nowUs || arrivalUs < nowUs - kMaxArrivalAgeUs) arrivalUs = nowUs;
  // A packet we NACKed counts as a retransmission even without RTX, so the
  // frame it completes says nothing about network jitter (libwebrtc does the
  // same with its frames' NACK counts).
  if (nack_.onPacket(seq, nowUs)) {
    packet.retransmitted = true;
    lastRecoveryUs_ = nowUs;
  }
  FrameAssembler::InsertResult result = assembler_.insert(std::move(packet), arrivalUs, sendTimeUs);
  if (result.duplicate) {
    ++counters_.duplicates;
    return InsertResult::kDuplicate;
  }
  if (result.frame) onFrameAssembled(std::move(*result.frame));
  update(nowUs);
  return InsertResult::kInserted;
}

void VideoJitterBuffer::onFrameAssembled(AssembledFrame assembled) {
  ++counters_.framesComplete;
  const video::EncodedVideoFrame& frame = assembled.frame;
  delay_.onFrameComplete(frame.rtpTimestamp, frame.lastArrivalUs, assembled.hadRetransmission,
                         assembled.sendUs);
  if (frame.keyframe) keyframes_.onKeyframeReceived();
  // Frames are timed from when they would have arrived over the fastest path
  // (from their send time when known, so a frame the sender encoded slowly
  // is not held up for it), so one that arrived late waits less, and one
  // that needed a retransmission goes straight out (its send time is that of
  // its original packets). Never later than it did arrive: a frame with a
  // wild timestamp must not hold up the queue.
  const int64_t expectedUs = std::min(
      delay_.expectedArrivalUs(frame.rtpTimestamp, assembled.sendUs)
          .value_or(frame.lastArrivalUs),
      frame.lastArrivalUs);
  lastHoldUs_ = nackHoldUs(frame.lastArrivalUs);
  frames_.insert(std::move(assembled.frame), expectedUs + delay_.currentDelayUs() + lastHoldUs_,
                 expectedUs + delay_.maxDelayUs());
}

std::optional<video::EncodedVideoFrame> VideoJitterBuffer::popFrame(int64_t nowUs) {
  update(nowUs);
  std::optional<video::EncodedVideoFrame> frame = frames_.pop(nowUs, *this);
  syncDecodedPosition();
  if (frame) lastReleased_ = ReleasedFrame{frame->rtpTimestamp, nowUs};
  return frame;
}

int64_t VideoJitterBuffer::nextEventUs() const {
  return std::min({frames_.nextEventUs(), nack_.nextDueUs(), keyframes_.nextDueUs()});
}

std::vector<int64_t> VideoJitterBuffer::nackList(int64_t nowUs) {
  nowUs_ = nowUs;
  std::vector<int64_t> list = nack_.getNackList(nowUs);
  update(nowUs);  // give-ups may have broken the chain
  return list;
}

bool VideoJitterBuffer::takeKeyframeRequest(int64_t nowUs) {
  update(nowUs);
  return keyframes_.take(nowUs);
}

void VideoJitterBuffer::onDecodeError(int64_t nowUs) {
  nowUs_ = nowUs;
  ++counters_.decodeErrors;
  frames_.breakChain();
  update(nowUs);
}

int64_t VideoJitterBuffer::nackHoldUs(int64_t nowUs) const {
  if (config_.nackHoldRttShare <= 0 || rttUs_ <= 0 || lastRecoveryUs_ < 0 ||
      nowUs - lastRecoveryUs_ > int64_t{config_.nackHoldWindowMs} * 1000) {
    return 0;
  }
  const auto holdUs = static_cast<int64_t>(config_.nackHoldRttShare * static_cast<double>(rttUs_));
  return std::clamp<int64_t>(holdUs, 0, delay_.maxDelayUs() - delay_.currentDelayUs());
}

void VideoJitterBuffer::setRttMs(int rttMs) {
  rttUs_ = int64_t{std::clamp(rttMs, 0, 10'000)} * 1000;
  nack_.setRttMs(rttMs);
  keyframes_.setRttMs(std::max(rttMs, 0));
}

void VideoJitterBuffer::setMinimumDelayMs(int minimumMs) { delay_.setMinimumDelayMs(minimumMs); }

VideoJitterBuffer::Stats VideoJitterBuffer::stats() const {
  Stats stats = counters_;
  stats.packetsEvicted = assembler_.evicted();
  stats.packetsExpired = assembler_.expired();
  const NackGenerator::Stats& nack = nack_.stats();
  stats.packetsLost = nack.packetsGivenUp + nack.packetsAbandoned;
  stats.packetsRecovered = nack.packetsRecovered;
  stats.nacksSent = nack.nacksSent;
  const FrameBuffer::Stats& frames = frames_.stats();
  stats.framesDelivered = frames.delivered;
  stats.framesLate = frames.late;
  stats.framesDroppedUndecodable = frames.droppedUndecodable;
  stats.framesDroppedSuperseded = frames.droppedSuperseded;
  stats.framesDroppedOverflow = frames.droppedOverflow;
  stats.framesDropped = stats.framesDroppedUndecodable + stats.framesDroppedSuperseded +
                        stats.framesDroppedOverflow + stats.framesDroppedReset;
  stats.keyframeRequests = keyframes_.requestsSent();
  stats.nackHoldMs = toMs(lastHoldUs_);
  stats.currentDelayMs = toMs(delay_.currentDelayUs()) + stats.nackHoldMs;
  stats.targetDelayMs = toMs(delay_.targetDelayUs());
  stats.jitterMs = toMs(delay_.jitterUs());
  stats.minimumDelayMs = toMs(delay_.minimumDelayUs());
  stats.packetsBuffered = assembler_.size();
  stats.framesBuffered = frames_.size();
  stats.nackListSize = nack_.listSize();
  return stats;
}

void VideoJitterBuffer::update(int64_t nowUs) {
  nowUs_ = nowUs;
  assembler_.expire(nowUs - int64_t{config_.maxPacketWaitMs} * 1000);
  frames_.update(nowUs, *this);
  syncDecodedPosition();
}

// Whatever lies at or below the decoded position is no longer needed.
void VideoJitterBuffer::syncDecodedPosition() {
  const std::optional<int64_t> decoded = frames_.decodedUpTo();
  if (!decoded || decoded == syncedUpTo_) return;
  syncedUpTo_ = decoded;
  assembler_.clearUpTo(*decoded);
  nack_.forgetUpTo(*decoded);
  lostSeqs_.erase(lostSeqs_.begin(), lostSeqs_.upper_bound(*decoded));
}

// Counts a too-old packet; true once the run says the stream is behind for good.
bool VideoJitterBuffer::stuckBehind(const video::VideoPacket& packet, int64_t nowUs) {
  if (packet.retransmitted) return false;
  if (tooOldRun_++ == 0) tooOldSinceUs_ = nowUs;
  return tooOldRun_ >= kTooOldRunPackets && nowUs - tooOldSinceUs_ >= kTooOldRunUs;
}

void VideoJitterBuffer::restart() {
  ++counters_.streamResets;
  tooOldRun_ = 0;
  counters_.framesDroppedReset += frames_.size();
  assembler_.clear();
  frames_.clear();
  nack_.reset();
  delay_.reset();
  lostSeqs_.clear();
  abandonedBelow_.reset();
  syncedUpTo_.reset();
  lastReleased_.reset();
  // Whatever the new position, the decoder needs a keyframe to join it (a
  // sender that restarted sends one anyway, which ends the request).
  keyframes_.request(nowUs_);
}

void VideoJitterBuffer::onNackGeneratorPacketLost(int64_t seq) {
  const std::optional<int64_t> decoded = frames_.decodedUpTo();
  if (decoded && seq <= *decoded) return;
  lostSeqs_.insert(seq);
  if (lostSeqs_.size() > config_.nack.maxListSize) lostSeqs_.erase(lostSeqs_.begin());
  keyframes_.request(nowUs_);  // the frame it belongs to cannot be completed
}

void VideoJitterBuffer::onNackGeneratorKeyframeRequired(int64_t beforeSeq) {
  abandonedBelow_ = std::max(abandonedBelow_.value_or(beforeSeq), beforeSeq);
  keyframes_.request(nowUs_);
}

void VideoJitterBuffer::onFrameBufferKeyframeNeeded() { keyframes_.request(nowUs_); }

bool VideoJitterBuffer::gapLost(int64_t first, int64_t last) const {
  if (abandonedBelow_ && first < *abandonedBelow_) return true;
  auto it = lostSeqs_.lower_bound(first);
  return it != lostSeqs_.end() && *it <= last;
}

bool VideoJitterBuffer::gapHasPackets(int64_t first, int64_t last) const {
  return assembler_.hasPendingPacketsIn(first, last);
}

}  // namespace parley::jitter
