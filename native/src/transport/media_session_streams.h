// Internal to MediaSession (media_session.cpp, media_session_rtcp.cpp): the
// per-stream state and the sinks handed to the streams. Not for other users.
#ifndef PARLEY_TRANSPORT_MEDIA_SESSION_STREAMS_H
#define PARLEY_TRANSPORT_MEDIA_SESSION_STREAMS_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "transport/media_session.h"

namespace parley::transport {

// The RtpPacketSink a send stream writes into.
class MediaSession::SendSink final : public pipeline::RtpPacketSink {
 public:
  SendSink(MediaSession& session, size_t index) : session_(session), index_(index) {}
  void sendRtpPacket(const uint8_t* data, size_t size) override {
    session_.sendRtp(index_, data, size);
  }

 private:
  MediaSession& session_;
  size_t index_;
};

// The VideoFeedbackSink a receive stream asks for NACK and PLI through.
class MediaSession::FeedbackSink final : public pipeline::VideoFeedbackSink {
 public:
  FeedbackSink(MediaSession& session, size_t index) : session_(session), index_(index) {}
  void sendNack(uint32_t mediaSsrc, const std::vector<uint16_t>& sequenceNumbers) override {
    session_.requestNack(index_, mediaSsrc, sequenceNumbers);
  }
  void sendPli(uint32_t mediaSsrc) override { session_.requestPli(index_, mediaSsrc); }

 private:
  MediaSession& session_;
  size_t index_;
};

struct MediaSession::SendStream {
  SendStreamConfig config;
  KeyframeRequestLimiter limiter;
  MediaStreamStats stats;
  uint16_t rtxSequence = 0;
  std::unique_ptr<SendSink> sink;
};

struct MediaSession::ReceiveStream {
  ReceiveStreamConfig config;
  RtpPacketReceiver* receiver = nullptr;
  MediaStreamStats stats;
  size_t demuxIndex = 0;
  std::unique_ptr<FeedbackSink> sink;
};

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_MEDIA_SESSION_STREAMS_H
