#include "transport/rtcp_agent.h"

#include <algorithm>
#include <variant>

namespace parley::transport {
namespace {

// IPv4 + UDP headers, counted in avg_rtcp_size (RFC 3550 section 6.2).
constexpr double kUdpIpOverhead = 28;
// Room left in a compound for feedback: keeps it under a typical MTU.
constexpr size_t kMaxNackItemsPerPacket = 64;

}  // namespace

RtcpAgent::RtcpAgent(const Config& config, Listener& listener, int64_t nowUs)
    : config_(config), listener_(listener) {
  if (config_.localSsrc == 0) config_.localSsrc = 1;
  if (!config_.random) {
    // xorshift64*: deterministic, enough to spread report times (A.7 uses drand48).
    config_.random = [this]() {
      rngState_ ^= rngState_ >> 12;
      rngState_ ^= rngState_ << 25;
      rngState_ ^= rngState_ >> 27;
      return static_cast<double>((rngState_ * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0;
    };
    rngState_ ^= static_cast<uint64_t>(config_.localSsrc) * 0x100000001B3ull;
  }
  scheduleNext(nowUs);
}

uint64_t RtcpAgent::ntpAt(int64_t nowUs) const {
  return rtcp::ntpFromUnixUs(nowUs + config_.unixOffsetUs);
}

void RtcpAgent::addSendStream(uint32_t ssrc, uint32_t clockRate) {
  if (sendStream(ssrc) != nullptr) return;
  SendStream stream;
  stream.ssrc = ssrc;
  stream.clockRate = clockRate == 0 ? 90000 : clockRate;
  sendStreams_.push_back(stream);
}

RtcpAgent::SendStream* RtcpAgent::sendStream(uint32_t ssrc) {
  for (SendStream& s : sendStreams_) {
    if (s.ssrc == ssrc) return &s;
  }
  return nullptr;
}

void RtcpAgent::onRtpSent(uint32_t ssrc, uint32_t rtpTimestamp, size_t payloadBytes,
                          int64_t nowUs) {
  SendStream* s = sendStream(ssrc);
  if (s == nullptr) return;
  s->sentSinceReport = true;
  s->everSent = true;
  s->lastRtpTimestamp = rtpTimestamp;
  s->lastRtpUs = nowUs;
  ++s->packetCount;  // wraps modulo 2^32, as the SR fields do
  s->octetCount += static_cast<uint32_t>(payloadBytes);
}

void RtcpAgent::onRtpReceived(uint32_t ssrc, uint32_t clockRate, uint16_t sequenceNumber,
                              uint32_t rtpTimestamp, int64_t nowUs) {
  if (clockRate == 0) return;
  auto it = receiveStats_.find(clockRate);
  if (it == receiveStats_.end()) it = receiveStats_.emplace(clockRate, clockRate).first;
  it->second.onRtpPacket(ssrc, sequenceNumber, rtpTimestamp, nowUs);
  remoteClockRate_[ssrc] = clockRate;
}

const rtcp::StreamStatistics* RtcpAgent::receiveStream(uint32_t ssrc) const {
  auto rate = remoteClockRate_.find(ssrc);
  if (rate == remoteClockRate_.end()) return nullptr;
  auto it = receiveStats_.find(rate->second);
  return it == receiveStats_.end() ? nullptr : it->second.stream(ssrc);
}

void RtcpAgent::requestNack(uint32_t mediaSsrc, const std::vector<uint16_t>& sequenceNumbers) {
  if (sequenceNumbers.empty()) return;
  std::vector<uint16_t>& pending = pendingNacks_[mediaSsrc];
  for (uint16_t seq : sequenceNumbers) {
    if (std::find(pending.begin(), pending.end(), seq) == pending.end()) pending.push_back(seq);
  }
  if (pending.size() > config_.maxPendingNacksPerSsrc) {
    const size_t excess = pending.size() - config_.maxPendingNacksPerSsrc;
    pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(excess));
    stats_.nacksDropped += excess;
  }
}

void RtcpAgent::requestPli(uint32_t mediaSsrc) {
  if (std::find(pendingPlis_.begin(), pendingPlis_.end(), mediaSsrc) == pendingPlis_.end()) {
    pendingPlis_.push_back(mediaSsrc);
  }
}

void RtcpAgent::setRemb(uint64_t bitrateBps, const std::vector<uint32_t>& ssrcs, bool urgent) {
  rtcp::Remb remb;
  remb.senderSsrc = config_.localSsrc;
  remb.bitrateBps = bitrateBps;
  remb.ssrcs = ssrcs;
  if (remb.ssrcs.size() > rtcp::kMaxRembSsrcs) remb.ssrcs.resize(rtcp::kMaxRembSsrcs);
  pendingRemb_ = remb;
  rembUrgent_ = rembUrgent_ || urgent;
}

bool RtcpAgent::hasUrgentFeedback() const {
  return !pendingNacks_.empty() || !pendingPlis_.empty() || (pendingRemb_ && rembUrgent_);
}

bool RtcpAgent::hasPendingFeedback() const { return hasUrgentFeedback() || pendingRemb_; }

int64_t RtcpAgent::nextDueUs() const {
  if (hasUrgentFeedback()) {
    return std::min(nextReportUs_, lastFeedbackUs_ + config_.minFeedbackSpacingUs);
  }
  return nextReportUs_;
}

void RtcpAgent::scheduleNext(int64_t nowUs) {
  rtcp::RtcpIntervalParams params;
  params.sessionBandwidthBps = config_.sessionBandwidthBps;
  const bool weSent = std::any_of(sendStreams_.begin(), sendStreams_.end(),
                                  [](const SendStream& s) { return s.sentSinceReport; });
  const int remoteSources = static_cast<int>(remoteClockRate_.size());
  params.members = 1 + std::max(remoteSources, 1);
  params.senders = (weSent || weSentPrevious_ ? 1 : 0) + remoteSources;
  params.weSent = weSent || weSentPrevious_;
  params.averageRtcpSizeOctets = averageRtcpSize_;
  params.initial = initial_;
  params.reducedMinimum = config_.reducedMinimum;
  const double seconds = rtcp::randomizedRtcpIntervalSeconds(params, config_.random);
  nextReportUs_ = nowUs + static_cast<int64_t>(seconds * 1e6);
}

void RtcpAgent::buildReports(int64_t nowUs, bool withBlocks,
                             std::vector<rtcp::RtcpPacket>* packets) {
  std::vector<rtcp::ReportBlock> blocks;
  if (withBlocks) {
    for (auto& [rate, stats] : receiveStats_) {
      for (const rtcp::ReportBlock& b : stats.makeReportBlocks(nowUs)) {
        if (blocks.size() < rtcp::kMaxReportBlocks) blocks.push_back(b);
      }
    }
  }
  const uint64_t ntp = ntpAt(nowUs);
  std::vector<uint32_t> sdesSsrcs;
  bool first = true;
  bool anySr = false;
  for (SendStream& s : sendStreams_) {
    if (!withBlocks || !s.sentSinceReport) continue;
    rtcp::SenderReport sr;
    sr.senderSsrc = s.ssrc;
    sr.ntpTimestamp = ntp;
    // The RTP time of "now" on this stream's clock, extrapolated from the
    // last packet sent (RFC 3550 section 6.4.1).
    const int64_t elapsedUs = nowUs - s.lastRtpUs;
    sr.rtpTimestamp = s.lastRtpTimestamp +
                      static_cast<uint32_t>(elapsedUs * int64_t{s.clockRate} / 1'000'000);
    sr.packetCount = s.packetCount;
    sr.octetCount = s.octetCount;
    if (first) sr.reportBlocks = blocks;
    first = false;
    anySr = true;
    packets->push_back(sr);
    sdesSsrcs.push_back(s.ssrc);
    ++stats_.srSent;
  }
  if (anySr) {
    rtt_.onSenderReportSent(ntp);
  } else {
    rtcp::ReceiverReport rr;
    rr.senderSsrc = config_.localSsrc;
    rr.reportBlocks = blocks;
    packets->push_back(rr);
    sdesSsrcs.push_back(config_.localSsrc);
    ++stats_.rrSent;
  }
  rtcp::Sdes sdes;
  for (uint32_t ssrc : sdesSsrcs) sdes.chunks.push_back(rtcp::SdesChunk{ssrc, config_.cname});
  packets->push_back(sdes);
}

void RtcpAgent::appendFeedback(std::vector<rtcp::RtcpPacket>* packets) {
  if (pendingRemb_) {
    packets->push_back(*pendingRemb_);
    ++stats_.rembsSent;
    pendingRemb_.reset();
    rembUrgent_ = false;
  }
  for (auto& [ssrc, seqs] : pendingNacks_) {
    std::vector<rtcp::NackItem> items = rtcp::buildNackItems(seqs);
    for (size_t start = 0; start < items.size(); start += kMaxNackItemsPerPacket) {
      rtcp::Nack nack;
      nack.senderSsrc = config_.localSsrc;
      nack.mediaSsrc = ssrc;
      const size_t end = std::min(items.size(), start + kMaxNackItemsPerPacket);
      nack.items.assign(items.begin() + static_cast<std::ptrdiff_t>(start),
                        items.begin() + static_cast<std::ptrdiff_t>(end));
      packets->push_back(nack);
      ++stats_.nacksSent;
    }
    stats_.nackedPacketsSent += seqs.size();
  }
  pendingNacks_.clear();
  for (uint32_t ssrc : pendingPlis_) {
    packets->push_back(rtcp::Pli{config_.localSsrc, ssrc});
    ++stats_.plisSent;
  }
  pendingPlis_.clear();
}

bool RtcpAgent::finish(const std::vector<rtcp::RtcpPacket>& packets, std::vector<uint8_t>* out) {
  if (rtcp::writeRtcpCompound(packets, out) != rtcp::RtcpWriteError::kOk) return false;
  // avg_rtcp_size = 1/16 * packet_size + 15/16 * avg_rtcp_size (section 6.3.3).
  averageRtcpSize_ += (static_cast<double>(out->size()) + kUdpIpOverhead - averageRtcpSize_) / 16;
  ++stats_.compoundsSent;
  return true;
}

bool RtcpAgent::buildDue(int64_t nowUs, std::vector<uint8_t>* out) {
  std::vector<rtcp::RtcpPacket> packets;
  if (nowUs >= nextReportUs_) {
    const bool weSent = std::any_of(sendStreams_.begin(), sendStreams_.end(),
                                    [](const SendStream& s) { return s.sentSinceReport; });
    buildReports(nowUs, true, &packets);
    const bool hadFeedback = hasPendingFeedback();
    appendFeedback(&packets);
    if (hadFeedback) lastFeedbackUs_ = nowUs;
    weSentPrevious_ = weSent;
    for (SendStream& s : sendStreams_) s.sentSinceReport = false;
    initial_ = false;
    scheduleNext(nowUs);
    return finish(packets, out);
  }
  if (hasUrgentFeedback() && nowUs >= lastFeedbackUs_ + config_.minFeedbackSpacingUs) {
    // RFC 4585 section 3.5 early feedback: a minimal compound (an RR without
    // blocks keeps the fraction-lost interval of the regular reports intact).
    buildReports(nowUs, false, &packets);
    appendFeedback(&packets);
    lastFeedbackUs_ = nowUs;
    ++stats_.earlyFeedbackSent;
    return finish(packets, out);
  }
  return false;
}

bool RtcpAgent::buildBye(int64_t nowUs, std::vector<uint8_t>* out) {
  std::vector<rtcp::RtcpPacket> packets;
  buildReports(nowUs, false, &packets);
  rtcp::Bye bye;
  bye.ssrcs.push_back(config_.localSsrc);
  for (const SendStream& s : sendStreams_) {
    if (s.ssrc != config_.localSsrc && bye.ssrcs.size() < rtcp::kMaxByeSsrcs) {
      bye.ssrcs.push_back(s.ssrc);
    }
  }
  packets.push_back(bye);
  ++stats_.byesSent;
  return finish(packets, out);
}

void RtcpAgent::handleReportBlocks(const std::vector<rtcp::ReportBlock>& blocks, int64_t nowUs) {
  for (const rtcp::ReportBlock& block : blocks) {
    SendStream* s = sendStream(block.ssrc);
    if (s == nullptr) continue;  // about someone else
    int64_t expected = 0;
    if (s->haveExtendedHighest) {
      expected = static_cast<int32_t>(block.extendedHighestSequence - s->lastExtendedHighest);
      if (expected < 0) expected = 0;
    }
    s->haveExtendedHighest = true;
    s->lastExtendedHighest = block.extendedHighestSequence;
    std::optional<int64_t> rttUs;
    if (rtt_.onReportBlock(block, ntpAt(nowUs))) rttUs = rtt_.lastRttUs();
    listener_.onRtcpAgentReportBlock(block, expected, rttUs, nowUs);
  }
}

bool RtcpAgent::onRtcpPacket(const uint8_t* data, size_t size, int64_t nowUs) {
  rtcp::RtcpCompound compound;
  if (rtcp::parseRtcpCompound(data, size, &compound) != rtcp::RtcpParseError::kOk) {
    ++stats_.malformedReceived;
    return false;
  }
  ++stats_.compoundsReceived;
  for (const rtcp::RtcpPacket& packet : compound.packets) {
    if (const auto* sr = std::get_if<rtcp::SenderReport>(&packet)) {
      ++stats_.srReceived;
      auto rate = remoteClockRate_.find(sr->senderSsrc);
      if (rate != remoteClockRate_.end()) {
        receiveStats_.at(rate->second).onSenderReport(sr->senderSsrc, sr->ntpTimestamp, nowUs);
      }
      listener_.onRtcpAgentSenderReport(sr->senderSsrc, sr->ntpTimestamp, sr->rtpTimestamp, nowUs);
      handleReportBlocks(sr->reportBlocks, nowUs);
    } else if (const auto* rr = std::get_if<rtcp::ReceiverReport>(&packet)) {
      ++stats_.rrReceived;
      handleReportBlocks(rr->reportBlocks, nowUs);
    } else if (const auto* nack = std::get_if<rtcp::Nack>(&packet)) {
      if (sendStream(nack->mediaSsrc) == nullptr) continue;
      ++stats_.nacksReceived;
      const std::vector<uint16_t> seqs = rtcp::expandNackItems(nack->items);
      stats_.nackedPacketsReceived += seqs.size();
      listener_.onRtcpAgentNack(nack->mediaSsrc, seqs, nowUs);
    } else if (const auto* pli = std::get_if<rtcp::Pli>(&packet)) {
      if (sendStream(pli->mediaSsrc) == nullptr) continue;
      ++stats_.plisReceived;
      listener_.onRtcpAgentPli(pli->mediaSsrc, nowUs);
    } else if (const auto* remb = std::get_if<rtcp::Remb>(&packet)) {
      ++stats_.rembsReceived;
      listener_.onRtcpAgentRemb(remb->bitrateBps, nowUs);
    } else if (const auto* bye = std::get_if<rtcp::Bye>(&packet)) {
      ++stats_.byesReceived;
      for (uint32_t ssrc : bye->ssrcs) {
        auto rate = remoteClockRate_.find(ssrc);
        if (rate != remoteClockRate_.end()) {
          receiveStats_.at(rate->second).removeStream(ssrc);
          remoteClockRate_.erase(rate);
        }
        listener_.onRtcpAgentBye(ssrc);
      }
    }
  }
  return true;
}

}  // namespace parley::transport
