// MediaSession, continued: what received RTCP does to the session (the
// RtcpAgent's events, under the session's lock) and the statistics.
#include <algorithm>

#include "srtp/srtp_session.h"
#include "transport/media_session.h"
#include "transport/media_session_streams.h"
#include "transport/rtx.h"

namespace parley::transport {

// ---- RTCP agent events (under mutex_) ---------------------------------

MediaSession::SendStream* MediaSession::sendStreamBySsrc(uint32_t ssrc) {
  for (const auto& s : sendStreams_) {
    if (s->config.ssrc == ssrc) return s.get();
  }
  return nullptr;
}

void MediaSession::onRtcpAgentSenderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs,
                                           int64_t arrivalUs) {
  pendingEvents_.push_back([=](Listener& l) {
    l.onMediaSessionSenderReport(ssrc, ntp, rtpTs, arrivalUs);
  });
}

void MediaSession::onRtcpAgentReportBlock(const rtcp::ReportBlock& block, int64_t packetsExpected,
                                          std::optional<int64_t> rttUs, int64_t nowUs) {
  SendStream* stream = sendStreamBySsrc(block.ssrc);
  if (stream == nullptr) return;
  stream->stats.packetsLost = block.cumulativeLost;
  stream->stats.fractionLost = block.fractionLost / 256.0;
  stream->stats.jitterMs = block.jitter * 1000.0 / stream->config.clockRate;
  if (rttUs) {
    const int64_t rttMs = *rttUs / 1000;
    counters_.rttMs = rttMs;
    estimator_->setRttMs(rttMs);
    pendingEvents_.push_back([rttMs](Listener& l) { l.onMediaSessionRttUpdated(rttMs); });
  }
  controller_->onReportBlock(block.fractionLost, packetsExpected,
                             counters_.rttMs >= 0 ? counters_.rttMs : 100, nowUs);
}

void MediaSession::onRtcpAgentNack(uint32_t mediaSsrc, const std::vector<uint16_t>& seqs,
                                   int64_t nowUs) {
  SendStream* stream = sendStreamBySsrc(mediaSsrc);
  if (stream == nullptr) return;
  stream->stats.nacksReceived += seqs.size();
  std::vector<uint8_t> original;
  const int64_t queueDelayUs = pacer_->stats(nowUs).queueDelayUs;
  for (uint16_t seq : seqs) {
    // At most one resend of each packet per half RTT (50 ms before an RTT
    // is known) plus what waits in the pacer ahead of it: a NACK repeated by
    // the receiver (it waits a full RTT and a margin) is answered, while one
    // that crossed a resend still in flight is not.
    const int64_t minIntervalUs =
        (counters_.rttMs >= 0 ? std::max<int64_t>(counters_.rttMs / 2, 5) * 1000 : 50'000) +
        queueDelayUs;
    const RtpPacketHistory::Resend found =
        history_.getForResend(mediaSsrc, seq, nowUs, minIntervalUs, &original);
    if (found == RtpPacketHistory::Resend::kMissing) {
      ++stream->stats.nackMisses;
      continue;
    }
    if (found == RtpPacketHistory::Resend::kTooSoon) {
      ++stream->stats.resendsSuppressed;
      continue;
    }
    std::vector<uint8_t> resend;
    if (stream->config.rtxSsrc != 0) {
      // RFC 4588 section 4: own SSRC, payload type and sequence numbers.
      if (!wrapRtx(original.data(), original.size(), stream->config.rtxSsrc,
                   stream->config.rtxPayloadType, stream->rtxSequence++, &resend)) {
        continue;
      }
      // On a lossy path a lost retransmission freezes the picture for one
      // more round trip: send a second copy (its own RTX sequence number, so
      // it is no replay) when the peer reports enough loss.
      if (stream->stats.fractionLost > config_.redundantRetransmissionLoss) {
        std::vector<uint8_t> copy;
        if (wrapRtx(original.data(), original.size(), stream->config.rtxSsrc,
                    stream->config.rtxPayloadType, stream->rtxSequence++, &copy)) {
          pacer_->enqueue(std::move(copy), congestion::PacketPacer::Priority::kRetransmission,
                          nowUs);
          ++stream->stats.retransmittedCopies;
        }
      }
    } else {
      resend = original;
    }
    pacer_->enqueue(std::move(resend), congestion::PacketPacer::Priority::kRetransmission, nowUs);
    ++stream->stats.retransmitted;
  }
}

void MediaSession::onRtcpAgentPli(uint32_t mediaSsrc, int64_t nowUs) {
  SendStream* stream = sendStreamBySsrc(mediaSsrc);
  if (stream == nullptr) return;
  ++stream->stats.plisReceived;
  if (!stream->limiter.onRequest(nowUs)) return;
  ++stream->stats.keyframesRequested;
  pendingEvents_.push_back(
      [mediaSsrc](Listener& l) { l.onMediaSessionKeyframeRequested(mediaSsrc); });
}

void MediaSession::onRtcpAgentRemb(uint64_t bitrateBps, int64_t nowUs) {
  counters_.rembReceivedBps = bitrateBps;
  controller_->onRemb(bitrateBps, nowUs);
}

void MediaSession::onRtcpAgentBye(uint32_t ssrc) {
  pendingEvents_.push_back([ssrc](Listener& l) { l.onMediaSessionBye(ssrc); });
}

// ---- statistics ---------------------------------------------------------

MediaSessionStats MediaSession::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  MediaSessionStats out = counters_;
  for (const auto& s : sendStreams_) out.send.push_back(s->stats);
  for (const auto& r : receiveStreams_) {
    MediaStreamStats stats = r->stats;
    stats.ssrc = demuxer_.streamSsrc(r->demuxIndex);
    if (agent_) {
      if (const rtcp::StreamStatistics* rs = agent_->receiveStream(stats.ssrc)) {
        stats.packetsLost = rs->cumulativeLost();
        stats.jitterMs = rs->jitterExact() * 1000.0 / r->config.clockRate;
      }
    }
    out.receive.push_back(stats);
  }
  if (srtpIn_) {
    const srtp::SrtpSessionStats in = srtpIn_->stats();
    out.srtpAuthFailures = in.authFailures;
    out.srtpReplays = in.replays;
    out.srtpOtherErrors = in.malformed + in.otherErrors;
  }
  const int64_t nowUs = clock_.nowUs();
  const congestion::PacketPacer::Stats pacer = pacer_->stats(nowUs);
  out.pacerQueueDelayMs = pacer.queueDelayUs / 1000;
  out.pacerDropped = pacer.packetsDropped;
  out.receiveEstimateBps = estimator_->estimateBps();
  return out;
}

}  // namespace parley::transport
