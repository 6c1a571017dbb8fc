// Facade: audio device lists, SDES keys and call media of parley.h,
// forwarding to native/src/{audio/device,srtp,api/call_media_host}.
#include <array>
#include <atomic>
#include <limits>
#include <stdexcept>

#include "api/call_media_host.h"
#include "audio/device/audio_device_list.h"
#include "parley/parley.h"
#include "api/facade_codes.h"
#include "render/render_mode.h"
#include "srtp/sdes_crypto_attribute.h"

namespace parley {
namespace {

std::atomic<int64_t> nextCallId{1'000'000};  // apart from the previews' ids

// Names of CallStatistic, in its order.
constexpr std::array<const char*, kStatCount> kStatisticNames = {
    "rttMs", "targetBitrateBps", "audioTargetBps", "videoTargetBps", "rembReceivedBps",
    "receiveEstimateBps", "audioPacketsSent", "audioBytesSent", "audioPacketsReceived",
    "audioBytesReceived", "audioPacketsLost", "audioJitterMs", "videoPacketsSent",
    "videoBytesSent", "videoPacketsReceived", "videoBytesReceived", "videoPacketsLost",
    "videoJitterMs", "retransmissionsSent", "retransmissionsReceived", "nacksSent",
    "nacksReceived", "plisSent", "plisReceived", "framesEncoded", "framesDecoded",
    "framesRendered", "keyframesEncoded", "videoDelayMs", "audioDelayMs", "audioTargetDelayMs",
    "audioPlayedMs", "audioConcealedMs", "audioFecRecoveredMs", "audioLatePackets",
    "audioDiscardedPackets", "inputLevel", "outputLevel", "microphoneMuted", "speakerMuted",
    "srtpAuthFailures", "srtpReplays", "malformedPackets", "pacerQueueDelayMs", "lipSyncOffsetMs",
    "lipSyncVideoDelayMs", "mediaTimedOut"};


// Sums the session's per-stream counters of one kind and direction.
struct StreamTotals {
  int64_t packets = 0;
  int64_t bytes = 0;
  int64_t lost = 0;
  int64_t retransmitted = 0;
  int64_t nacksSent = 0;
  int64_t nacksReceived = 0;
  int64_t plisSent = 0;
  int64_t plisReceived = 0;
  double jitterMs = 0;
};

StreamTotals totals(const std::vector<transport::MediaStreamStats>& streams,
                    transport::MediaKind kind) {
  StreamTotals sum;
  for (const transport::MediaStreamStats& s : streams) {
    if (s.kind != kind) continue;
    sum.packets += static_cast<int64_t>(s.packets);
    sum.bytes += static_cast<int64_t>(s.bytes);
    sum.lost += s.packetsLost;
    sum.retransmitted += static_cast<int64_t>(s.retransmitted);
    sum.nacksSent += static_cast<int64_t>(s.nacksSent);
    sum.nacksReceived += static_cast<int64_t>(s.nacksReceived);
    sum.plisSent += static_cast<int64_t>(s.plisSent);
    sum.plisReceived += static_cast<int64_t>(s.plisReceived);
    sum.jitterMs = std::max(sum.jitterMs, s.jitterMs);
  }
  return sum;
}

}  // namespace

AudioDeviceList::AudioDeviceList(int direction) {
  if (direction != kAudioDirectionInput && direction != kAudioDirectionOutput) {
    throw std::invalid_argument("unknown audio direction " + std::to_string(direction));
  }
  devices_ = std::make_unique<std::vector<audio::AudioDeviceInfo>>(audio::listAudioDevices(
      direction == kAudioDirectionInput ? audio::AudioDirection::kInput
                                        : audio::AudioDirection::kOutput));
}
AudioDeviceList::~AudioDeviceList() = default;
int AudioDeviceList::size() const { return static_cast<int>(devices_->size()); }
std::string AudioDeviceList::id(int index) const { return devices_->at(static_cast<size_t>(index)).id; }
std::string AudioDeviceList::name(int index) const {
  return devices_->at(static_cast<size_t>(index)).name;
}
std::string AudioDeviceList::hostApi(int index) const {
  return devices_->at(static_cast<size_t>(index)).hostApi;
}
bool AudioDeviceList::isDefault(int index) const {
  return devices_->at(static_cast<size_t>(index)).isDefault;
}

std::string newSdesCryptoAttribute(int tag, int suite) {
  if (tag < 0 || tag > 999'999'999) throw std::invalid_argument("a=crypto tag must be 0..999999999");
  srtp::SdesCryptoAttribute attribute;
  attribute.tag = static_cast<uint32_t>(tag);
  switch (suite) {
    case kCryptoAesCm128HmacSha1_80:
      attribute.key.suite = srtp::CryptoSuite::kAesCm128HmacSha1_80;
      break;
    case kCryptoAeadAes128Gcm:
      attribute.key.suite = srtp::CryptoSuite::kAeadAes128Gcm;
      break;
    default:
      throw std::invalid_argument("unknown crypto suite " + std::to_string(suite));
  }
  if (!srtp::generateSrtpMasterKey(attribute.key.suite, &attribute.key)) {
    throw std::runtime_error("no random key: the OS random source failed");
  }
  // The facade hands out the attribute's value; SDP writers add "a=crypto:".
  const std::string line = srtp::formatSdesCryptoAttribute(attribute);
  const std::string prefix = "a=crypto:";
  return line.rfind(prefix, 0) == 0 ? line.substr(prefix.size()) : line;
}

std::string callStatisticName(int index) {
  if (index < 0 || index >= kStatCount) return "";
  return kStatisticNames[static_cast<size_t>(index)];
}

CallMedia::CallMedia(const CallMediaSettings& settings)
    : impl_(std::make_unique<api::CallMediaHost>(nextCallId.fetch_add(1), settings,
                                                  api::EventQueue::global(),
                                                  SystemClock::instance())) {}
CallMedia::~CallMedia() = default;
int64_t CallMedia::id() const { return impl_->id(); }
int CallMedia::localPort() const { return impl_->transport().localAddress().port(); }
std::string CallMedia::localAddress() const { return impl_->transport().localAddress().toString(); }

void CallMedia::setRemote(const std::string& address, int port) {
  const std::optional<network::SocketAddress> remote = network::SocketAddress::parse(address);
  if (!remote || port <= 0 || port > 65535) {
    throw std::invalid_argument("remote media address '" + address + "' port " +
                                std::to_string(port) + " is not valid");
  }
  impl_->setRemote(remote->withPort(static_cast<uint16_t>(port)));
}

void CallMedia::start() { impl_->start(); }
void CallMedia::stop() { impl_->stop(); }
void CallMedia::startVideoView(int view, int64_t windowHandle, int renderMode) {
  impl_->startView(view, static_cast<uint64_t>(windowHandle),
                   api::renderModeFromCode(renderMode));
}
void CallMedia::stopVideoView(int view) { impl_->stopView(view); }
void CallMedia::setPixelBufferSize(int view, int width, int height) {
  impl_->setPixelBufferSize(view, width, height);
}
int CallMedia::copyPixels(int view, uint8_t* bgra, int capacity) {
  return impl_->copyPixels(view, bgra, capacity);
}
void CallMedia::setMicrophoneMuted(bool muted) { impl_->pipeline().setMicrophoneMuted(muted); }
void CallMedia::setSpeakerMuted(bool muted) { impl_->pipeline().setSpeakerMuted(muted); }
void CallMedia::setVideoSending(bool sending) { impl_->pipeline().setVideoSending(sending); }

void CallMedia::setRemoteCrypto(const std::string& remoteCrypto) {
  impl_->setRemoteCrypto(remoteCrypto);
}
void CallMedia::setRemoteSsrcs(int64_t audioSsrc, int64_t videoSsrc) {
  impl_->setRemoteSsrcs(audioSsrc, videoSsrc);
}
int64_t CallMedia::localAudioSsrc() const { return impl_->pipeline().localAudioSsrc(); }
int64_t CallMedia::localVideoSsrc() const { return impl_->pipeline().localVideoSsrc(); }
int64_t CallMedia::localVideoRtxSsrc() const { return impl_->pipeline().localVideoRtxSsrc(); }
void CallMedia::switchCamera(const VideoSourceConfig& source) { impl_->switchCamera(source); }

int CallMedia::statistics(int64_t* values, int capacity) const {
  if (values == nullptr || capacity < kStatCount) return kErrorBufferTooSmall;
  const call::CallMediaStats s = impl_->pipeline().stats();
  const StreamTotals audioOut = totals(s.session.send, transport::MediaKind::kAudio);
  const StreamTotals videoOut = totals(s.session.send, transport::MediaKind::kVideo);
  const StreamTotals audioIn = totals(s.session.receive, transport::MediaKind::kAudio);
  const StreamTotals videoIn = totals(s.session.receive, transport::MediaKind::kVideo);
  const audio::AudioJitterBuffer::Stats& audioBuffer = s.audioReceive.jitter;
  int64_t* v = values;
  v[kStatRttMs] = s.session.rttMs;
  v[kStatTargetBitrateBps] = static_cast<int64_t>(s.session.targetBitrateBps);
  v[kStatAudioTargetBps] = static_cast<int64_t>(s.session.audioTargetBps);
  v[kStatVideoTargetBps] = static_cast<int64_t>(s.session.videoTargetBps);
  v[kStatRembReceivedBps] = static_cast<int64_t>(s.session.rembReceivedBps);
  v[kStatReceiveEstimateBps] = static_cast<int64_t>(s.session.receiveEstimateBps);
  v[kStatAudioPacketsSent] = audioOut.packets;
  v[kStatAudioBytesSent] = audioOut.bytes;
  v[kStatAudioPacketsReceived] = audioIn.packets;
  v[kStatAudioBytesReceived] = audioIn.bytes;
  v[kStatAudioPacketsLost] = audioIn.lost;
  v[kStatAudioJitterMs] = static_cast<int64_t>(audioIn.jitterMs);
  v[kStatVideoPacketsSent] = videoOut.packets;
  v[kStatVideoBytesSent] = videoOut.bytes;
  v[kStatVideoPacketsReceived] = videoIn.packets;
  v[kStatVideoBytesReceived] = videoIn.bytes;
  v[kStatVideoPacketsLost] = videoIn.lost;
  v[kStatVideoJitterMs] = static_cast<int64_t>(videoIn.jitterMs);
  v[kStatRetransmissionsSent] = audioOut.retransmitted + videoOut.retransmitted;
  v[kStatRetransmissionsReceived] = audioIn.retransmitted + videoIn.retransmitted;
  v[kStatNacksSent] = audioIn.nacksSent + videoIn.nacksSent;
  v[kStatNacksReceived] = audioOut.nacksReceived + videoOut.nacksReceived;
  v[kStatPlisSent] = audioIn.plisSent + videoIn.plisSent;
  v[kStatPlisReceived] = audioOut.plisReceived + videoOut.plisReceived;
  v[kStatFramesEncoded] = s.videoSend.framesEncoded;
  v[kStatFramesDecoded] = s.videoReceive.framesDecoded;
  v[kStatFramesRendered] = s.videoReceive.framesRendered;
  v[kStatKeyframesEncoded] = s.videoSend.keyframes;
  v[kStatVideoDelayMs] = s.videoReceive.jitter.currentDelayMs;
  v[kStatAudioDelayMs] = audioBuffer.currentDelayMs;
  v[kStatAudioTargetDelayMs] = audioBuffer.targetDelayMs;
  v[kStatAudioPlayedMs] = audioBuffer.playedMs;
  v[kStatAudioConcealedMs] = audioBuffer.concealedMs;
  v[kStatAudioFecRecoveredMs] = audioBuffer.fecRecoveredMs;
  v[kStatAudioLatePackets] = static_cast<int64_t>(audioBuffer.packetsLate);
  v[kStatAudioDiscardedPackets] = static_cast<int64_t>(audioBuffer.packetsDiscarded);
  v[kStatInputLevel] = s.audioSend.inputLevel;
  v[kStatOutputLevel] = s.audioReceive.outputLevel;
  v[kStatMicrophoneMuted] = s.audioSend.muted ? 1 : 0;
  v[kStatSpeakerMuted] = s.audioReceive.speakerMuted ? 1 : 0;
  v[kStatSrtpAuthFailures] = static_cast<int64_t>(s.session.srtpAuthFailures);
  v[kStatSrtpReplays] = static_cast<int64_t>(s.session.srtpReplays);
  v[kStatMalformedPackets] = static_cast<int64_t>(s.session.malformedPackets +
                                                  s.session.rtcpMalformed) +
                             s.audioReceive.packetsMalformed + s.videoReceive.packetsMalformed;
  v[kStatPacerQueueDelayMs] = s.session.pacerQueueDelayMs;
  v[kStatLipSyncOffsetMs] = s.lipSyncOffsetMs ? *s.lipSyncOffsetMs : std::numeric_limits<int64_t>::min();
  v[kStatLipSyncVideoDelayMs] = s.lipSyncVideoDelayMs;
  v[kStatMediaTimedOut] = s.session.timedOut ? 1 : 0;
  return kStatCount;
}

}  // namespace parley
