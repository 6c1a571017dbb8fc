#include "transport/media_session.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "common/random_id.h"
#include "congestion/abs_send_time.h"
#include "rtcp/rtcp_packets.h"
#include "rtp/rtp_packet.h"
#include "srtp/srtp_session.h"
#include "transport/abs_send_time_stamper.h"
#include "transport/media_session_streams.h"
#include "transport/rtx.h"

namespace parley::transport {
namespace {

constexpr int64_t kMaxWorkerSleepUs = 100'000;

int64_t unixNowUs() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

MediaSession::MediaSession(const MediaSessionConfig& config, network::PacketTransport& transport,
                           const Clock& clock, Listener& listener)
    : config_(config),
      transport_(transport),
      clock_(clock),
      listener_(listener),
      history_(config.history),
      pacer_(std::make_unique<congestion::PacketPacer>(config.pacer)),
      controller_(std::make_unique<congestion::SendSideController>(config.sendRate)),
      estimator_(std::make_unique<congestion::ReceiveSideEstimator>(config.receiveRate)),
      timeout_(config.mediaTimeoutMs * 1000, clock.nowUs()),
      currentRemote_(config.remoteAddress) {}

MediaSession::~MediaSession() { stop(); }

pipeline::RtpPacketSink& MediaSession::addSendStream(const SendStreamConfig& config) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto stream = std::make_unique<SendStream>();
  stream->config = config;
  stream->limiter = KeyframeRequestLimiter(config_.keyframeMinIntervalMs * 1000);
  stream->stats.kind = config.kind;
  stream->stats.ssrc = config.ssrc;
  stream->stats.payloadType = config.payloadType;
  stream->rtxSequence = static_cast<uint16_t>(randomNonZeroUint32());
  stream->sink = std::make_unique<SendSink>(*this, sendStreams_.size());
  sendStreams_.push_back(std::move(stream));
  return *sendStreams_.back()->sink;
}

pipeline::VideoFeedbackSink& MediaSession::addReceiveStream(const ReceiveStreamConfig& config,
                                                            RtpPacketReceiver& receiver) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto stream = std::make_unique<ReceiveStream>();
  stream->config = config;
  stream->receiver = &receiver;
  stream->stats.kind = config.kind;
  stream->stats.ssrc = config.remoteSsrc;
  stream->stats.payloadType = config.payloadType;
  stream->demuxIndex = demuxer_.addStream(config.remoteSsrc, config.payloadType, config.rtxSsrc,
                                          config.rtxPayloadType, config.rtxPayloadType != 0);
  stream->sink = std::make_unique<FeedbackSink>(*this, receiveStreams_.size());
  receiveStreams_.push_back(std::move(stream));
  return *receiveStreams_.back()->sink;
}

bool MediaSession::start(std::string* error) {
  auto fail = [error](const std::string& why) {
    if (error != nullptr) *error = why;
    return false;
  };
  std::vector<Event> events;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_) return fail("media session already started");
    if (config_.localKey.has_value() != config_.remoteKey.has_value()) {
      return fail("SRTP needs both the local and the remote key");
    }
    if (config_.localKey) {
      srtp::SrtpSessionOptions options;
      // Without RTX a NACK is answered with the same packet (same sequence
      // number, same payload: no keystream reuse on different plaintext).
      options.allowRepeatedTransmission =
          std::any_of(sendStreams_.begin(), sendStreams_.end(),
                      [](const auto& s) { return s->config.rtxSsrc == 0; });
      srtp::SrtpCreateError createError = srtp::SrtpCreateError::kOk;
      srtpOut_ = srtp::SrtpSession::create(srtp::SrtpDirection::kOutbound, *config_.localKey,
                                           options, &createError);
      if (!srtpOut_) {
        return fail(std::string("local SRTP key: ") + srtp::srtpCreateErrorName(createError));
      }
      srtpIn_ = srtp::SrtpSession::create(srtp::SrtpDirection::kInbound, *config_.remoteKey, {},
                                          &createError);
      if (!srtpIn_) {
        srtpOut_.reset();
        return fail(std::string("remote SRTP key: ") + srtp::srtpCreateErrorName(createError));
      }
    } else if (!config_.allowPlainRtp) {
      return fail("no SRTP keys and plain RTP not allowed");
    }

    RtcpAgent::Config agentConfig;
    agentConfig.cname = config_.cname;
    agentConfig.localSsrc = config_.localSsrc != 0 ? config_.localSsrc
                            : !sendStreams_.empty() ? sendStreams_.front()->config.ssrc
                                                    : randomNonZeroUint32();
    agentConfig.sessionBandwidthBps = config_.sessionBandwidthBps;
    agentConfig.reducedMinimum = config_.rtcpReducedMinimum;
    agentConfig.minFeedbackSpacingUs = config_.rtcpFeedbackSpacingMs * 1000;
    const int64_t nowUs = clock_.nowUs();
    agentConfig.unixOffsetUs = unixNowUs() - nowUs;
    RtcpAgent::Listener& agentListener = *this;
    agent_ = std::make_unique<RtcpAgent>(agentConfig, agentListener, nowUs);
    for (const auto& s : sendStreams_) agent_->addSendStream(s->config.ssrc, s->config.clockRate);

    config_.allocation.hasAudio = std::any_of(sendStreams_.begin(), sendStreams_.end(), [](const auto& s) {
      return s->config.kind == MediaKind::kAudio;
    });
    config_.allocation.hasVideo = std::any_of(sendStreams_.begin(), sendStreams_.end(), [](const auto& s) {
      return s->config.kind == MediaKind::kVideo;
    });
    timeout_ = MediaTimeout(config_.mediaTimeoutMs * 1000, nowUs);
    updateTargetLocked();
    started_ = true;
    running_ = true;
    events.swap(pendingEvents_);
  }
  if (!transport_.start(*this)) {
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = false;
    return fail("the transport would not start");
  }
  if (config_.runWorkerThread) worker_ = std::thread([this] { workerLoop(); });
  dispatch(&events);
  return true;
}

void MediaSession::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) return;
    running_ = false;
    wakeRequested_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  std::vector<uint8_t> bye;
  bool haveBye = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    haveBye = agent_->buildBye(clock_.nowUs(), &bye) && protectRtcpLocked(&bye);
    if (haveBye) ++counters_.rtcpSent;
  }
  if (haveBye) transport_.send(bye.data(), bye.size());
  transport_.stop();
}

// ---- send path --------------------------------------------------------

void MediaSession::sendRtp(size_t index, const uint8_t* data, size_t size) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    SendStream& stream = *sendStreams_[index];
    rtp::RtpPacketView view;
    if (!running_ || rtp::parseRtpPacket(data, size, &view) != rtp::RtpParseError::kOk) {
      ++counters_.sendErrors;
      return;
    }
    const int64_t nowUs = clock_.nowUs();
    history_.insert(view.header.ssrc, view.header.sequenceNumber, data, size, nowUs);
    ++stream.stats.packets;
    stream.stats.bytes += size;
    agent_->onRtpSent(view.header.ssrc, view.header.timestamp, view.payload.size(), nowUs);
    pacer_->enqueue(std::vector<uint8_t>(data, data + size),
                    stream.config.kind == MediaKind::kAudio
                        ? congestion::PacketPacer::Priority::kAudio
                        : congestion::PacketPacer::Priority::kVideo,
                    nowUs);
    wakeRequested_ = true;
  }
  wake_.notify_one();
}

bool MediaSession::protectRtpLocked(std::vector<uint8_t>* packet) {
  if (!srtpOut_) return true;  // plain RTP, agreed in the config
  size_t length = packet->size();
  packet->resize(length + srtp::kSrtpRtpHeadroom);
  if (srtpOut_->protectRtp(packet->data(), packet->size(), &length) != srtp::SrtpError::kOk) {
    ++counters_.sendErrors;
    return false;
  }
  packet->resize(length);
  return true;
}

bool MediaSession::protectRtcpLocked(std::vector<uint8_t>* packet) {
  if (!srtpOut_) return true;
  size_t length = packet->size();
  packet->resize(length + srtp::kSrtpRtcpHeadroom);
  if (srtpOut_->protectRtcp(packet->data(), packet->size(), &length) != srtp::SrtpError::kOk) {
    ++counters_.sendErrors;
    return false;
  }
  packet->resize(length);
  return true;
}

int64_t MediaSession::process() {
  std::vector<std::vector<uint8_t>> out;
  std::vector<Event> events;
  int64_t nextUs = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    const int64_t nowUs = clock_.nowUs();
    if (!running_) return nowUs + kMaxWorkerSleepUs;
    // Pacer releases: stamp the send time, then protect (see the header).
    std::vector<uint8_t> packet;
    while (pacer_->popDue(nowUs, &packet)) {
      if (packet.size() >= rtp::kRtpFixedHeaderSize) {
        // A first transmission may now be NACKed (RTX and plain resends
        // carry another SSRC or are marked already: no effect).
        history_.markSent(rtp::loadBe32(packet.data() + 8), rtp::loadBe16(packet.data() + 2),
                          nowUs);
      }
      if (config_.absSendTimeExtensionId != 0) {
        stampAbsSendTime(&packet, config_.absSendTimeExtensionId,
                         congestion::absSendTimeFromUs(nowUs));
      }
      if (protectRtpLocked(&packet)) out.push_back(std::move(packet));
      packet.clear();
    }
    // Our estimate of the peer's path, as REMB when the estimator says so.
    uint64_t rembBps = 0;
    if (!receiveStreams_.empty() && estimator_->rembDue(nowUs, &rembBps)) {
      std::vector<uint32_t> ssrcs;
      for (const auto& r : receiveStreams_) {
        const uint32_t ssrc = demuxer_.streamSsrc(r->demuxIndex);
        if (ssrc != 0) ssrcs.push_back(ssrc);
      }
      if (!ssrcs.empty()) agent_->setRemb(rembBps, ssrcs, true);
    }
    std::vector<uint8_t> rtcpPacket;
    if (agent_->buildDue(nowUs, &rtcpPacket) && protectRtcpLocked(&rtcpPacket)) {
      ++counters_.rtcpSent;
      out.push_back(std::move(rtcpPacket));
    }
    if (timeout_.check(nowUs)) {
      counters_.timedOut = true;
      pendingEvents_.push_back([](Listener& l) { l.onMediaSessionTimeout(); });
    }
    nextUs = std::min(agent_->nextDueUs(), timeout_.deadlineUs());
    const int64_t pacerNext = pacer_->nextSendTimeUs(nowUs);
    if (pacerNext >= 0) nextUs = std::min(nextUs, pacerNext);
    events.swap(pendingEvents_);
  }
  sendAll(&out);
  dispatch(&events);
  return nextUs;
}

void MediaSession::sendAll(std::vector<std::vector<uint8_t>>* packets) {
  uint64_t failures = 0;
  for (const auto& p : *packets) {
    if (!transport_.send(p.data(), p.size())) ++failures;
  }
  if (failures > 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    counters_.sendErrors += failures;
  }
}

void MediaSession::workerLoop() {
  for (;;) {
    const int64_t nextUs = process();
    std::unique_lock<std::mutex> lock(mutex_);
    if (!running_) return;
    const int64_t waitUs = std::clamp<int64_t>(nextUs - clock_.nowUs(), 0, kMaxWorkerSleepUs);
    if (waitUs > 0 && !wakeRequested_) {
      wake_.wait_for(lock, std::chrono::microseconds(waitUs),
                     [this] { return wakeRequested_ || !running_; });
    }
    wakeRequested_ = false;
  }
}

void MediaSession::dispatch(std::vector<Event>* events) {
  for (const Event& event : *events) event(listener_);
  events->clear();
}

void MediaSession::updateTargetLocked() {
  const uint64_t target = controller_->targetBitrateBps();
  if (target == lastAllocatedTargetBps_) return;
  lastAllocatedTargetBps_ = target;
  pacer_->setTargetBitrate(target);
  const congestion::BitrateAllocation allocation =
      congestion::allocateBitrate(target, config_.allocation);
  counters_.targetBitrateBps = target;
  counters_.audioTargetBps = allocation.audioBps;
  counters_.videoTargetBps = allocation.videoBps;
  pendingEvents_.push_back([allocation](Listener& l) {
    l.onMediaSessionTargetBitrate(allocation.audioBps, allocation.videoBps);
  });
}

// ---- receive path -----------------------------------------------------

void MediaSession::onTransportPacket(const uint8_t* data, size_t size,
                                     const network::SocketAddress& from, int64_t arrivalUs) {
  if (size == 0 || size > srtp::kSrtpMaxPacketSize) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++counters_.malformedPackets;
    return;
  }
  receiveBuffer_.assign(data, data + size);
  const bool isRtcp = rtcp::isRtcp(data, size);
  if (srtpIn_) {
    size_t length = size;
    const srtp::SrtpError error = isRtcp ? srtpIn_->unprotectRtcp(receiveBuffer_.data(), &length)
                                         : srtpIn_->unprotectRtp(receiveBuffer_.data(), &length);
    if (error != srtp::SrtpError::kOk) return;  // counted by the SRTP session; never used
    receiveBuffer_.resize(length);
  }
  // Authenticated from here on (or plain RTP, which the config agreed to).
  bool latch = false;
  RtpPacketReceiver* deliverTo = nullptr;
  const std::vector<uint8_t>* deliverBytes = &receiveBuffer_;
  bool retransmitted = false;
  std::vector<Event> events;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) return;
    timeout_.onPacket(clock_.nowUs());
    counters_.timedOut = false;
    if (config_.latchRemote && (!currentRemote_ || *currentRemote_ != from)) {
      currentRemote_ = from;
      latch = true;
    }
    const RtpRtcpDemuxer::Route route =
        demuxer_.classify(receiveBuffer_.data(), receiveBuffer_.size());
    switch (route.kind) {
      case RtpRtcpDemuxer::Kind::kRtcp:
        ++counters_.rtcpReceived;
        if (!agent_->onRtcpPacket(receiveBuffer_.data(), receiveBuffer_.size(), clock_.nowUs())) {
          ++counters_.rtcpMalformed;
        }
        updateTargetLocked();
        wakeRequested_ = true;  // retransmissions may be queued
        break;
      case RtpRtcpDemuxer::Kind::kMalformed:
        ++counters_.malformedPackets;
        break;
      case RtpRtcpDemuxer::Kind::kUnknown:
        ++counters_.unknownPackets;
        break;
      case RtpRtcpDemuxer::Kind::kMedia:
      case RtpRtcpDemuxer::Kind::kRtx: {
        ReceiveStream* stream = nullptr;
        for (const auto& r : receiveStreams_) {
          if (r->demuxIndex == route.stream) stream = r.get();
        }
        if (stream == nullptr) break;
        if (route.kind == RtpRtcpDemuxer::Kind::kRtx) {
          const uint32_t mediaSsrc = demuxer_.streamSsrc(route.stream);
          if (mediaSsrc == 0 ||
              unwrapRtx(receiveBuffer_.data(), receiveBuffer_.size(), mediaSsrc,
                        stream->config.payloadType, &unwrapBuffer_) != RtxUnwrapError::kOk) {
            ++counters_.malformedPackets;  // also RTX padding probes without an OSN
            break;
          }
          deliverBytes = &unwrapBuffer_;
          retransmitted = true;
          ++stream->stats.retransmitted;
        }
        rtp::RtpPacketView view;
        if (rtp::parseRtpPacket(rtp::ByteView(*deliverBytes), &view) != rtp::RtpParseError::kOk) {
          ++counters_.malformedPackets;
          break;
        }
        uint32_t absSendTime = 0;
        if (config_.absSendTimeExtensionId != 0 &&
            readAbsSendTime(deliverBytes->data(), deliverBytes->size(),
                            config_.absSendTimeExtensionId, &absSendTime)) {
          estimator_->onPacket(arrivalUs, absSendTime, size);
        }
        agent_->onRtpReceived(view.header.ssrc, stream->config.clockRate,
                              view.header.sequenceNumber, view.header.timestamp, arrivalUs);
        ++stream->stats.packets;
        stream->stats.bytes += deliverBytes->size();
        deliverTo = stream->receiver;
        break;
      }
    }
    events.swap(pendingEvents_);
  }
  wake_.notify_one();
  if (latch) {
    const bool moved = config_.latchRemote(from);
    if (moved) {
      std::lock_guard<std::mutex> lock(mutex_);
      ++counters_.remoteLatches;
    }
  }
  dispatch(&events);
  if (deliverTo != nullptr) {
    deliverTo->receiveRtpPacket(deliverBytes->data(), deliverBytes->size(), arrivalUs,
                                retransmitted);
  }
}

void MediaSession::requestNack(size_t index, uint32_t mediaSsrc,
                               const std::vector<uint16_t>& seqs) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_ || seqs.empty()) return;
    receiveStreams_[index]->stats.nacksSent += seqs.size();
    agent_->requestNack(mediaSsrc, seqs);
    wakeRequested_ = true;
  }
  wake_.notify_one();
}

void MediaSession::requestPli(size_t index, uint32_t mediaSsrc) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!running_) return;
    ++receiveStreams_[index]->stats.plisSent;
    agent_->requestPli(mediaSsrc);
    wakeRequested_ = true;
  }
  wake_.notify_one();
}

}  // namespace parley::transport
