// The media of one call over one PacketTransport: RTP and RTCP multiplexed
// (RFC 5761), SRTP, RTCP reports and feedback (RFC 3550, RFC 4585), NACK
// answered with RTX (RFC 4588), sender-side keyframe limiting, pacing, and
// rate control (receive-side estimate sent as REMB, send-side target split
// between the encoders).
//
//  send:    stream --RtpPacketSink--> history --> pacer (audio > RTX > video)
//           --[worker thread, at release]--> stamp abs-send-time --> SRTP
//           protect --> transport.send
//  receive: transport thread --> SRTP unprotect (failures counted, dropped)
//           --> symmetric-RTP latch --> media timeout reset --> demux
//           --> RTCP: RtcpAgent (SR/RR/NACK/PLI/REMB/BYE)
//           --> RTP/RTX: RTX unwrap --> receive-side estimator
//                --> receive statistics --> the stream's RtpPacketReceiver
//  rtcp:    worker thread: agent.buildDue() (regular reports, early NACK/PLI,
//           REMB when due) --> SRTCP protect --> transport.send
//
// Why abs-send-time is stamped at release: it must say when the packet left,
// not when it was queued, or the pacer's delay would read as network
// queueing to the peer's estimator. Protection follows the stamp (the
// extension is authenticated), so SRTP runs at release too, on the worker.
//
// Threads: addSendStream/addReceiveStream before start(); start/stop from the
// owner; the returned sinks and stats() from any thread. Listener events
// come on the transport's receive thread (SR, BYE, keyframe, bitrate, RTT)
// or the worker (timeout, first bitrate), never with the session's lock held;
// a listener must not call stop() from them.
#ifndef PARLEY_TRANSPORT_MEDIA_SESSION_H
#define PARLEY_TRANSPORT_MEDIA_SESSION_H

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/clock.h"
#include "network/packet_transport.h"
#include "pipeline/rtp_packet_sink.h"
#include "pipeline/video_feedback_sink.h"
#include "transport/keyframe_request_limiter.h"
#include "transport/media_session_config.h"
#include "transport/media_timeout.h"
#include "transport/rtcp_agent.h"
#include "transport/rtp_packet_receiver.h"
#include "transport/rtp_rtcp_demuxer.h"

namespace parley::srtp {
class SrtpSession;
}

namespace parley::transport {

class MediaSession final : private network::PacketTransport::Listener,
                           private RtcpAgent::Listener {
 public:
  // Events for the call's owner. Do-nothing defaults.
  class Listener {
   public:
    virtual ~Listener() = default;
    // No authenticated packet for mediaTimeoutMs: once per silence.
    virtual void onMediaSessionTimeout() {}
    // The peer wants a keyframe of our stream `ssrc` (already rate-limited).
    virtual void onMediaSessionKeyframeRequested(uint32_t /*ssrc*/) {}
    // New encoder targets (videoBps 0: pause video).
    virtual void onMediaSessionTargetBitrate(uint64_t /*audioBps*/, uint64_t /*videoBps*/) {}
    // The peer's wallclock/RTP pair of stream `ssrc`, for lip sync.
    virtual void onMediaSessionSenderReport(uint32_t /*ssrc*/, uint64_t /*ntp*/,
                                            uint32_t /*rtpTs*/, int64_t /*arrivalUs*/) {}
    virtual void onMediaSessionBye(uint32_t /*ssrc*/) {}
    virtual void onMediaSessionRttUpdated(int64_t /*rttMs*/) {}
  };

  MediaSession(const MediaSessionConfig& config, network::PacketTransport& transport,
               const Clock& clock, Listener& listener);
  ~MediaSession() override;  // stops
  MediaSession(const MediaSession&) = delete;
  MediaSession& operator=(const MediaSession&) = delete;

  // Before start(). The sink lives as long as the session.
  pipeline::RtpPacketSink& addSendStream(const SendStreamConfig& config);
  // Before start(). Packets of the stream go to `receiver` (which must
  // outlive stop()); NACK and PLI for it go out through the returned sink.
  pipeline::VideoFeedbackSink& addReceiveStream(const ReceiveStreamConfig& config,
                                                RtpPacketReceiver& receiver);

  // Creates the SRTP sessions and starts the transport and the worker.
  // false with *error: no keys and plain RTP not allowed, a bad key, or the
  // transport would not start.
  bool start(std::string* error);
  // Sends BYE, stops the worker and the transport. Bounded by the transport's
  // poll interval. May be called twice.
  void stop();

  // Runs what is due at the clock's now: pacer releases, RTCP, REMB, the
  // media timeout. The worker calls it; with runWorkerThread = false the
  // owner does. Returns when it next wants to run (clock microseconds).
  int64_t process();

  MediaSessionStats stats() const;

 private:
  class SendSink;
  class FeedbackSink;
  struct SendStream;
  struct ReceiveStream;
  using Event = std::function<void(Listener&)>;

  // Receive path (transport thread).
  void onTransportPacket(const uint8_t* data, size_t size, const network::SocketAddress& from,
                         int64_t arrivalUs) override;
  void receiveRtp(size_t stream, bool rtx, int64_t arrivalUs);
  // Send path (stream threads).
  void sendRtp(size_t stream, const uint8_t* data, size_t size);
  void requestNack(size_t stream, uint32_t mediaSsrc, const std::vector<uint16_t>& seqs);
  void requestPli(size_t stream, uint32_t mediaSsrc);
  // RtcpAgent::Listener (under mutex_).
  void onRtcpAgentSenderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs,
                               int64_t arrivalUs) override;
  void onRtcpAgentReportBlock(const rtcp::ReportBlock& block, int64_t packetsExpected,
                              std::optional<int64_t> rttUs, int64_t nowUs) override;
  void onRtcpAgentNack(uint32_t mediaSsrc, const std::vector<uint16_t>& seqs,
                       int64_t nowUs) override;
  void onRtcpAgentPli(uint32_t mediaSsrc, int64_t nowUs) override;
  void onRtcpAgentRemb(uint64_t bitrateBps, int64_t nowUs) override;
  void onRtcpAgentBye(uint32_t ssrc) override;

  SendStream* sendStreamBySsrc(uint32_t ssrc);
  void updateTargetLocked();
  bool protectRtpLocked(std::vector<uint8_t>* packet);
  bool protectRtcpLocked(std::vector<uint8_t>* packet);
  void sendAll(std::vector<std::vector<uint8_t>>* packets);
  void dispatch(std::vector<Event>* events);
  void workerLoop();

  MediaSessionConfig config_;
  network::PacketTransport& transport_;
  const Clock& clock_;
  Listener& listener_;

  mutable std::mutex mutex_;  // everything below unless noted
  std::condition_variable wake_;
  std::vector<std::unique_ptr<SendStream>> sendStreams_;
  std::vector<std::unique_ptr<ReceiveStream>> receiveStreams_;
  RtpRtcpDemuxer demuxer_;
  std::unique_ptr<RtcpAgent> agent_;
  RtpPacketHistory history_;
  std::unique_ptr<congestion::PacketPacer> pacer_;
  std::unique_ptr<congestion::SendSideController> controller_;
  std::unique_ptr<congestion::ReceiveSideEstimator> estimator_;
  MediaTimeout timeout_;
  std::unique_ptr<srtp::SrtpSession> srtpOut_;
  std::optional<network::SocketAddress> currentRemote_;
  std::vector<Event> pendingEvents_;  // raised under the lock, dispatched after it
  uint64_t lastAllocatedTargetBps_ = 0;
  MediaSessionStats counters_;  // session-wide counters (stream ones live in the streams)
  bool started_ = false;
  bool running_ = false;
  bool wakeRequested_ = false;  // work arrived for the worker

  // Receive thread only.
  std::unique_ptr<srtp::SrtpSession> srtpIn_;
  std::vector<uint8_t> receiveBuffer_;
  std::vector<uint8_t> unwrapBuffer_;

  std::thread worker_;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_MEDIA_SESSION_H
