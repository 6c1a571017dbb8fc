#include "pipeline/video_receive_stream.h"

#include <algorithm>
#include <chrono>

#include "parley/parley.h"
#include "rtp/rtp_header_extensions.h"
#include "rtp/rtp_packet.h"

namespace parley::pipeline {
namespace {

// The decode thread also wakes this often with nothing to do, so a clock
// that jumps or a missed notification can never stall the stream for long.
constexpr int64_t kMaxIdleWaitUs = 50'000;

}  // namespace

VideoReceiveStream::VideoReceiveStream(const VideoReceiveStreamConfig& config,
                                       render::VideoRenderer* renderer,
                                       VideoFeedbackSink* feedback, const Clock& clock,
                                       Observer* observer)
    : config_(config),
      feedback_(feedback),
      clock_(clock),
      observer_(observer),
      decoder_(config.decoderThreads),
      buffer_(config.jitter),
      renderer_(renderer),
      remoteSsrc_(config.remoteSsrc) {}

VideoReceiveStream::~VideoReceiveStream() { stop(); }

void VideoReceiveStream::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (running_ || thread_.joinable()) {
    return;
  }
  running_ = true;
  thread_ = std::thread([this] { run(); });
}

void VideoReceiveStream::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = false;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void VideoReceiveStream::setRenderer(render::VideoRenderer* renderer) {
  // Waits out a draw in progress: once this returns the old renderer is not
  // used any more and its owner may destroy it.
  std::lock_guard<std::mutex> drawing(renderMutex_);
  std::lock_guard<std::mutex> lock(mutex_);
  renderer_ = renderer;
}

void VideoReceiveStream::setRttMs(int rttMs) {
  std::lock_guard<std::mutex> lock(mutex_);
  buffer_.setRttMs(rttMs);
}

void VideoReceiveStream::setMinimumPlayoutDelayMs(int delayMs) {
  std::lock_guard<std::mutex> lock(mutex_);
  buffer_.setMinimumDelayMs(delayMs);
}

std::optional<VideoReceiveStream::RenderedFrame> VideoReceiveStream::lastRenderedFrame() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lastRendered_;
}

uint32_t VideoReceiveStream::remoteSsrc() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return remoteSsrc_;
}

void VideoReceiveStream::receiveRtpPacket(const uint8_t* data, size_t size, bool retransmitted) {
  const int64_t nowUs = clock_.nowUs();
  rtp::RtpPacketView packet;
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.packetsReceived;
  if (rtp::parseRtpPacket(data, size, &packet) != rtp::RtpParseError::kOk) {
    ++stats_.packetsMalformed;
    return;
  }
  if (packet.header.payloadType != config_.payloadType ||
      (remoteSsrc_ != 0 && packet.header.ssrc != remoteSsrc_)) {
    ++stats_.packetsOtherStream;
    return;
  }
  remoteSsrc_ = packet.header.ssrc;
  video::VideoPacket videoPacket;
  const rtp::Vp8ParseError result = depacketizer_.depacketize(packet, nowUs, &videoPacket);
  if (result != rtp::Vp8ParseError::kOk) {
    if (result != rtp::Vp8ParseError::kEmpty) {  // empty: padding, not damage
      ++stats_.packetsMalformed;
    }
    return;
  }
  videoPacket.retransmitted = videoPacket.retransmitted || retransmitted;
  int64_t sendTimeUs = jitter::VideoJitterBuffer::kNoSendTime;
  if (config_.absSendTimeExtensionId != 0) {
    const std::optional<rtp::ByteView> absSendTime =
        rtp::findHeaderExtension(packet.header, config_.absSendTimeExtensionId);
    if (absSendTime && absSendTime->size() == 3) {
      const uint8_t* b = absSendTime->data();
      sendTimeUs = sendTimes_.unwrapUs((uint32_t{b[0]} << 16) | (uint32_t{b[1]} << 8) | b[2]);
    }
  }
  buffer_.insertPacket(std::move(videoPacket), nowUs, sendTimeUs);
  wake_.notify_one();
}

void VideoReceiveStream::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (running_) {
    const int64_t nowUs = clock_.nowUs();
    std::vector<int64_t> nacks = buffer_.nackList(nowUs);
    const bool pli = buffer_.takeKeyframeRequest(nowUs);
    std::optional<video::EncodedVideoFrame> frame = buffer_.popFrame(nowUs);
    if (!nacks.empty() || pli || frame) {
      lock.unlock();
      sendFeedback(nacks, pli);
      if (frame) {
        decodeAndRender(*frame);
      }
      lock.lock();
      continue;
    }
    const int64_t nextUs = buffer_.nextEventUs();
    const int64_t waitUs =
        nextUs == jitter::VideoJitterBuffer::kNoEvent ? kMaxIdleWaitUs
                                                      : std::clamp<int64_t>(nextUs - nowUs, 0, kMaxIdleWaitUs);
    if (waitUs > 0) {
      wake_.wait_for(lock, std::chrono::microseconds(waitUs));
    }
  }
}

void VideoReceiveStream::sendFeedback(const std::vector<int64_t>& nacks, bool pli) {
  uint32_t ssrc = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ssrc = remoteSsrc_;
    stats_.nacksSent += nacks.empty() ? 0 : 1;
    stats_.plisSent += pli ? 1 : 0;
  }
  if (feedback_ == nullptr) {
    return;
  }
  if (!nacks.empty()) {
    std::vector<uint16_t> sequenceNumbers;
    sequenceNumbers.reserve(nacks.size());
    for (int64_t sequence : nacks) {
      sequenceNumbers.push_back(static_cast<uint16_t>(sequence & 0xFFFF));
    }
    feedback_->sendNack(ssrc, sequenceNumbers);
  }
  if (pli) {
    feedback_->sendPli(ssrc);
  }
}

void VideoReceiveStream::decodeAndRender(const video::EncodedVideoFrame& frame) {
  const int64_t startUs = clock_.nowUs();
  const int result = decoder_.decode(frame.data.data(), static_cast<int>(frame.data.size()));
  const bool decoded = result == 1 && decoder_.copyTo(decoded_) == parley::kOk;
  const int64_t decodeUs = clock_.nowUs() - startUs;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (result < 0) {
      // Corrupt or undecodable: never shown; the buffer holds inter frames
      // back and asks the sender for a keyframe.
      ++stats_.decodeErrors;
      buffer_.onDecodeError(clock_.nowUs());
      return;
    }
    if (!decoded) {
      return;
    }
    ++stats_.framesDecoded;
    stats_.lastDecodeUs = decodeUs;
    stats_.totalDecodeUs += decodeUs;
  }
  {
    // setRenderer() waits for this draw; renderer_ cannot change during it.
    std::lock_guard<std::mutex> drawing(renderMutex_);
    if (renderer_ != nullptr) renderer_->render(decoded_);
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++stats_.framesRendered;
    lastRendered_ = RenderedFrame{static_cast<uint32_t>(frame.rtpTimestamp & 0xFFFFFFFF),
                                  clock_.nowUs()};
  }
  if (observer_ != nullptr) {
    observer_->onVideoReceiveStreamRendered(decoded_, decodeUs);
  }
}

VideoReceiveStats VideoReceiveStream::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  VideoReceiveStats copy = stats_;
  copy.jitter = buffer_.stats();
  return copy;
}

}  // namespace parley::pipeline
