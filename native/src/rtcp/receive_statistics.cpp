// RFC 3550 appendices A.1, A.3 and A.8; see receive_statistics.h.
#include "rtcp/receive_statistics.h"

#include <algorithm>
#include <cmath>

#include "rtcp/rtt_estimator.h"

namespace parley::rtcp {
namespace {

constexpr uint32_t kSeqMod = 1u << 16;

}  // namespace

StreamStatistics::StreamStatistics(uint32_t ssrc, uint32_t clockRate)
    : ssrc_(ssrc), clockRate_(clockRate) {}

// A.1 init_seq().
void StreamStatistics::initSequence(uint16_t seq) {
  baseSeq_ = seq;
  maxSeq_ = seq;
  badSeq_ = kSeqMod + 1;  // so seq == badSeq_ is false
  cycles_ = 0;
  received_ = 0;
  receivedPrior_ = 0;
  expectedPrior_ = 0;
}

// A.1 update_seq(): whether the packet counts.
bool StreamStatistics::updateSequence(uint16_t seq) {
  const uint16_t udelta = static_cast<uint16_t>(seq - maxSeq_);
  if (probation_ > 0) {
    // Sequential packets are needed before the source is valid.
    if (seq == static_cast<uint16_t>(maxSeq_ + 1)) {
      --probation_;
      maxSeq_ = seq;
      if (probation_ == 0) {
        initSequence(seq);
        ++received_;
        return true;
      }
    } else {
      probation_ = kMinSequential - 1;
      maxSeq_ = seq;
    }
    return false;
  }
  if (udelta < kMaxDropout) {
    // In order, with permissible gap.
    if (seq < maxSeq_) cycles_ += kSeqMod;  // wrapped
    maxSeq_ = seq;
  } else if (udelta <= kSeqMod - kMaxMisorder) {
    // The sequence number made a very large jump.
    if (seq == badSeq_) {
      // Two sequential packets: assume the other side restarted without
      // telling us, so just re-sync (treat this packet as the first).
      initSequence(seq);
    } else {
      badSeq_ = (uint32_t{seq} + 1) & (kSeqMod - 1);
      return false;
    }
  }
  // Else a duplicate or reordered packet: counted, max unchanged.
  ++received_;
  return true;
}

// A.8: transit = arrival (RTP units) - timestamp; D = transit - previous;
// J += (|D| - J) / 16. The wrapping 32-bit difference keeps D right across
// timestamp wrap, as the RFC's int arithmetic does.
void StreamStatistics::updateJitter(uint32_t rtpTimestamp, int64_t nowUs) {
  const int64_t arrival = nowUs * int64_t{clockRate_} / 1000000;
  const uint32_t transit = static_cast<uint32_t>(arrival) - rtpTimestamp;
  if (haveTransit_) {
    const int32_t d = static_cast<int32_t>(transit - transit_);
    jitter_ += (std::fabs(static_cast<double>(d)) - jitter_) / 16.0;
  }
  transit_ = transit;
  haveTransit_ = true;
}

bool StreamStatistics::onRtpPacket(uint16_t seq, uint32_t rtpTimestamp, int64_t nowUs) {
  if (!seen_) {
    seen_ = true;
    // First packet of the source (A.1: init_seq, then max_seq = seq - 1 and
    // probation = MIN_SEQUENTIAL, so the next update sees it in sequence).
    initSequence(seq);
    maxSeq_ = static_cast<uint16_t>(seq - 1);
    probation_ = kMinSequential;
  }
  if (!updateSequence(seq)) return false;
  updateJitter(rtpTimestamp, nowUs);
  return true;
}

void StreamStatistics::onSenderReport(uint64_t ntpTimestamp, int64_t nowUs) {
  lastSr_ = compactNtp(ntpTimestamp);
  lastSrArrivalUs_ = nowUs;
}

int64_t StreamStatistics::expected() const {
  if (!valid()) return 0;
  return int64_t{extendedHighestSequence()} - int64_t{baseSeq_} + 1;
}

// A.3.
ReportBlock StreamStatistics::makeReportBlock(int64_t nowUs) {
  ReportBlock block;
  block.ssrc = ssrc_;
  const int64_t expectedNow = expected();
  const int64_t lost = expectedNow - received_;
  // Clamp to the 24-bit signed field.
  block.cumulativeLost = static_cast<int32_t>(std::clamp<int64_t>(lost, -0x800000, 0x7FFFFF));
  const int64_t expectedInterval = expectedNow - expectedPrior_;
  expectedPrior_ = expectedNow;
  const int64_t receivedInterval = received_ - receivedPrior_;
  receivedPrior_ = received_;
  const int64_t lostInterval = expectedInterval - receivedInterval;
  block.fractionLost = (expectedInterval == 0 || lostInterval <= 0)
                           ? 0
                           : static_cast<uint8_t>((lostInterval << 8) / expectedInterval);
  block.extendedHighestSequence = extendedHighestSequence();
  block.jitter = jitter();
  if (lastSr_ != 0) {
    block.lastSr = lastSr_;
    block.delaySinceLastSr = durationToCompactNtp(nowUs - lastSrArrivalUs_);
  }
  return block;
}

bool ReceiveStatistics::onRtpPacket(uint32_t ssrc, uint16_t seq, uint32_t rtpTimestamp,
                                    int64_t nowUs) {
  return streamFor(ssrc).onRtpPacket(seq, rtpTimestamp, nowUs);
}

void ReceiveStatistics::onSenderReport(uint32_t ssrc, uint64_t ntpTimestamp, int64_t nowUs) {
  streamFor(ssrc).onSenderReport(ntpTimestamp, nowUs);
}

std::vector<ReportBlock> ReceiveStatistics::makeReportBlocks(int64_t nowUs) {
  std::vector<ReportBlock> blocks;
  for (auto& [ssrc, stream] : streams_) {
    if (blocks.size() == kMaxReportBlocks) break;
    if (stream.valid()) blocks.push_back(stream.makeReportBlock(nowUs));
  }
  return blocks;
}

const StreamStatistics* ReceiveStatistics::stream(uint32_t ssrc) const {
  const auto it = streams_.find(ssrc);
  return it == streams_.end() ? nullptr : &it->second;
}

StreamStatistics& ReceiveStatistics::streamFor(uint32_t ssrc) {
  auto it = streams_.find(ssrc);
  if (it == streams_.end()) it = streams_.emplace(ssrc, StreamStatistics(ssrc, clockRate_)).first;
  return it->second;
}

}  // namespace parley::rtcp
