#include "call/call_media_pipeline.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "common/memory_trim.h"
#include "pipeline/video_source_factory.h"
#include "rtp/opus_payload.h"

namespace parley::call {

// Hands the session's demultiplexed packets of one stream to whichever
// receive stream is attached (the session needs the receiver before the
// stream exists, because the stream needs the session's feedback sink).
class CallMediaPipeline::ReceiveAdapter final : public transport::RtpPacketReceiver {
 public:
  void attach(pipeline::AudioReceiveStream* audio) { audio_ = audio; }
  void attach(pipeline::VideoReceiveStream* video) { video_ = video; }

  void receiveRtpPacket(const uint8_t* data, size_t size, int64_t arrivalUs,
                        bool retransmitted) override {
    if (audio_ != nullptr) {
      audio_->receiveRtpPacket(data, size, arrivalUs);
    } else if (video_ != nullptr) {
      video_->receiveRtpPacket(data, size, retransmitted);
    }
  }

 private:
  // Set before the session starts, read on its receive thread afterwards.
  pipeline::AudioReceiveStream* audio_ = nullptr;
  pipeline::VideoReceiveStream* video_ = nullptr;
};

namespace {


// The loss Opus is told to expect, from the peer's RTCP fraction lost. libopus
// adds in-band FEC only above 5% expected loss at speech bitrates (below it
// keeps the bits for quality), so any real loss (3% and up) is reported as at
// least 6%: FEC then covers the single losses that PLC handles worst.
int expectedLossPercentFor(double fractionLost) {
  const int percent = static_cast<int>(std::lround(fractionLost * 100.0));
  return percent >= 3 ? std::max(percent, 6) : percent;
}

// Lip sync can hold video back only as far as its jitter buffer allows.
sync::StreamSynchronizer::Config lipSyncConfigFor(const CallMediaConfig& config) {
  sync::StreamSynchronizer::Config lipSync = config.lipSync;
  lipSync.maxDelayMs = std::min(lipSync.maxDelayMs, config.videoReceive.jitter.maxDelayMs);
  return lipSync;
}

}  // namespace

CallMediaPipeline::CallMediaPipeline(const CallMediaConfig& config,
                                     network::PacketTransport& transport, const Clock& clock,
                                     Listener& listener)
    : config_(withLocalSsrcs(config)),
      transport_(transport),
      clock_(clock),
      listener_(listener),
      synchronizer_(lipSyncConfigFor(config)) {}

CallMediaPipeline::~CallMediaPipeline() { stop(); }

bool CallMediaPipeline::start(std::string* error) {
  transport::MediaSessionConfig sessionConfig = config_.session;
  sessionConfig.allocation.hasAudio = config_.audio;
  sessionConfig.allocation.hasVideo = config_.video;
  // Both sides start from the rate SDP agreed: our estimate of what the peer
  // sends starts where its sender does.
  sessionConfig.receiveRate.startBitrateBps = sessionConfig.sendRate.startBitrateBps;
  session_ = std::make_unique<transport::MediaSession>(
      sessionConfig, transport_, clock_, static_cast<transport::MediaSession::Listener&>(*this));

  if (config_.audio) {
    pipeline::AudioSendStreamConfig sendConfig = config_.audioSend;
    sendConfig.rtp.ssrc = config_.audioSsrc;
    sendConfig.rtp.payloadType = config_.audioPayloadType;
    transport::SendStreamConfig sessionSend;
    sessionSend.kind = transport::MediaKind::kAudio;
    sessionSend.ssrc = sendConfig.rtp.ssrc;
    sessionSend.payloadType = config_.audioPayloadType;
    sessionSend.clockRate = rtp::kOpusRtpClockRate;
    audioSend_ = std::make_unique<pipeline::AudioSendStream>(
        sendConfig, session_->addSendStream(sessionSend), clock_);

    pipeline::AudioReceiveStreamConfig receiveConfig = config_.audioReceive;
    receiveConfig.payloadType = config_.audioPayloadType;
    receiveConfig.remoteSsrc = config_.remoteAudioSsrc;
    audioReceive_ = std::make_unique<pipeline::AudioReceiveStream>(receiveConfig);
    audioReceiver_ = std::make_unique<ReceiveAdapter>();
    audioReceiver_->attach(audioReceive_.get());
    transport::ReceiveStreamConfig sessionReceive;
    sessionReceive.kind = transport::MediaKind::kAudio;
    sessionReceive.remoteSsrc = config_.remoteAudioSsrc;
    sessionReceive.payloadType = config_.audioPayloadType;
    sessionReceive.clockRate = rtp::kOpusRtpClockRate;
    session_->addReceiveStream(sessionReceive, *audioReceiver_);
  }

  if (config_.video) {
    pipeline::VideoSendStreamConfig sendConfig = config_.videoSend;
    sendConfig.rtp.ssrc = config_.videoSsrc;
    sendConfig.rtp.payloadType = config_.videoPayloadType;
    sendConfig.rtp.clockRate = 90000;
    transport::SendStreamConfig sessionSend;
    sessionSend.kind = transport::MediaKind::kVideo;
    sessionSend.ssrc = sendConfig.rtp.ssrc;
    sessionSend.payloadType = config_.videoPayloadType;
    sessionSend.clockRate = 90000;
    if (config_.videoRtxPayloadType != 0) {
      sessionSend.rtxSsrc = config_.videoRtxSsrc;
      sessionSend.rtxPayloadType = config_.videoRtxPayloadType;
    }
    if (config_.fixedVideoBitrateKbps > 0) {
      sendConfig.encoder.bitrateKbps = config_.fixedVideoBitrateKbps;
    }
    videoSend_ = std::make_unique<pipeline::VideoSendStream>(
        sendConfig, session_->addSendStream(sessionSend), clock_, config_.videoSendObserver);

    videoReceiver_ = std::make_unique<ReceiveAdapter>();
    transport::ReceiveStreamConfig sessionReceive;
    sessionReceive.kind = transport::MediaKind::kVideo;
    sessionReceive.remoteSsrc = config_.remoteVideoSsrc;
    sessionReceive.payloadType = config_.videoPayloadType;
    sessionReceive.clockRate = 90000;
    sessionReceive.rtxSsrc = config_.remoteVideoRtxSsrc;
    sessionReceive.rtxPayloadType = config_.videoRtxPayloadType;
    pipeline::VideoFeedbackSink& feedback =
        session_->addReceiveStream(sessionReceive, *videoReceiver_);
    pipeline::VideoReceiveStreamConfig receiveConfig = config_.videoReceive;
    receiveConfig.payloadType = config_.videoPayloadType;
    receiveConfig.remoteSsrc = config_.remoteVideoSsrc;
    // The peer stamps abs-send-time with the id our session sends with
    // (one extmap for both directions).
    receiveConfig.absSendTimeExtensionId = config_.session.absSendTimeExtensionId;
    {
      std::lock_guard<std::mutex> lock(renderersMutex_);
      render::VideoRenderer* drawTo = remoteRenderer_;
      if (config_.echo) {
        echoVideo_ = std::make_unique<EchoVideoLoop>(
            clock_, static_cast<EchoVideoLoop::Listener&>(*this));
        echoVideo_->setTarget(remoteRenderer_);
        drawTo = echoVideo_.get();
      }
      videoReceive_ = std::make_unique<pipeline::VideoReceiveStream>(
          receiveConfig, drawTo, &feedback, clock_, config_.videoReceiveObserver);
    }
    videoReceiver_->attach(videoReceive_.get());
    videoReceive_->start();
  }

  if (!session_->start(error)) {
    if (videoReceive_) videoReceive_->stop();
    return false;
  }
  if (config_.video && config_.openCamera && !config_.echo) openVideo();
  if (echoVideo_) echoVideo_->start();
  if (config_.audio) openAudio();
  {
    std::lock_guard<std::mutex> lock(housekeepingMutex_);
    running_ = true;
  }
  housekeepingThread_ = std::thread([this] { runHousekeeping(); });
  return true;
}

bool CallMediaPipeline::openVideo() {
  std::string error;
  std::unique_ptr<capture::VideoSource> source =
      pipeline::openVideoSource(config_.camera, clock_, error);
  if (!source) {
    listener_.onCallMediaCaptureError(error);
    return false;
  }
  cameraFps_.store(std::max(1, config_.camera.fps));
  capture_ = std::make_unique<capture::CaptureThread>(
      std::move(source), static_cast<capture::CaptureThread::Listener&>(*this));
  if (!capture_->start()) {
    capture_.reset();
    listener_.onCallMediaCaptureError("the camera thread could not start");
    return false;
  }
  cameraOpen_.store(true);
  return true;
}

void CallMediaPipeline::openAudio() {
  std::string error;
  if (config_.echo) {
    echoAudio_ = std::make_unique<EchoAudioLoop>(static_cast<audio::AudioRenderSource&>(*this),
                                                 static_cast<audio::AudioCaptureSink&>(*this));
    openSpeaker(*echoAudio_);
    return;
  }
  if (config_.openMicrophone) {
    microphone_ = audio::openAudioInput(config_.microphone, &error, clock_);
    if (microphone_) {
      microphone_->setListener(this);
      if (!microphone_->start(*this, &error)) microphone_.reset();
    }
    if (!microphone_) listener_.onCallMediaAudioDeviceError("microphone: " + error);
  }

  openSpeaker(*this);
}

void CallMediaPipeline::openSpeaker(audio::AudioRenderSource& source) {
  std::string error;
  speaker_ = audio::openAudioOutput(config_.speaker, &error, clock_);
  if (speaker_) {
    speaker_->setListener(this);
    if (!speaker_->start(source, &error)) speaker_.reset();
  }
  if (speaker_) return;
  listener_.onCallMediaAudioDeviceError("speaker: " + error);
  if (!config_.echo) return;
  // The echo needs a speaker's pace, not its sound.
  speaker_ = audio::openAudioOutput(audio::AudioOutputSpec::null(), &error, clock_);
  if (speaker_ && !speaker_->start(source, &error)) speaker_.reset();
}

void CallMediaPipeline::stop() {
  {
    std::lock_guard<std::mutex> lock(housekeepingMutex_);
    running_ = false;
  }
  housekeepingWake_.notify_all();
  if (housekeepingThread_.joinable()) housekeepingThread_.join();
  // Sources first (nothing new enters), then the session (BYE), then the
  // receive side (nothing arrives any more).
  if (microphone_) microphone_->stop();
  if (capture_) capture_->stop();
  if (echoVideo_) echoVideo_->stop();
  if (echoAudio_ && speaker_) speaker_->stop();  // in echo mode the speaker feeds the sender
  if (session_) session_->stop();
  if (speaker_) speaker_->stop();
  if (videoReceive_) videoReceive_->stop();
}

CallMediaStats CallMediaPipeline::stats() const {
  CallMediaStats stats;
  if (session_) stats.session = session_->stats();
  if (audioSend_) stats.audioSend = audioSend_->stats();
  if (audioReceive_) stats.audioReceive = audioReceive_->stats();
  if (videoSend_) stats.videoSend = videoSend_->stats();
  if (videoReceive_) stats.videoReceive = videoReceive_->stats();
  {
    std::lock_guard<std::mutex> lock(syncMutex_);
    stats.lipSyncOffsetMs = synchronizer_.offsetMs();
    stats.lipSyncVideoDelayMs = synchronizer_.delays().videoMinimumDelayMs;
  }
  stats.microphoneOpen = microphone_ != nullptr;
  stats.speakerOpen = speaker_ != nullptr;
  stats.cameraOpen = cameraOpen_.load();
  if (microphone_) stats.microphoneName = microphone_->name();
  if (speaker_) stats.speakerName = speaker_->name();
  return stats;
}

// Lip sync and the loss Opus plans its FEC for, a few times a second.
void CallMediaPipeline::runHousekeeping() {
  std::unique_lock<std::mutex> lock(housekeepingMutex_);
  while (running_) {
    lock.unlock();
    housekeeping();
    lock.lock();
    housekeepingWake_.wait_for(lock, std::chrono::milliseconds(config_.housekeepingIntervalMs),
                               [this] { return !running_; });
  }
}

void CallMediaPipeline::housekeeping() {
  const int64_t nowUs = clock_.nowUs();
  processMemoryTrimmer().maybeTrim();  // see common/memory_trim.h
  if (audioSend_ && session_) {
    const transport::MediaSessionStats sessionStats = session_->stats();
    for (const transport::MediaStreamStats& stream : sessionStats.send) {
      if (stream.kind == transport::MediaKind::kAudio) {
        audioSend_->setExpectedLossPercent(expectedLossPercentFor(stream.fractionLost));
      }
    }
  }
  if (!audioReceive_ || !videoReceive_) return;
  uint32_t audioTimestamp = 0;
  int64_t audioPlayoutUs = 0;
  const bool audioPlaying = audioReceive_->playoutTimestamp(&audioTimestamp, &audioPlayoutUs);
  const std::optional<pipeline::VideoReceiveStream::RenderedFrame> video =
      videoReceive_->lastRenderedFrame();
  const int videoDelayMs = videoReceive_->stats().jitter.currentDelayMs;
  const int audioDelayMs = audioReceive_->stats().jitter.currentDelayMs;
  int videoMinimumMs = 0;
  bool changed = false;
  {
    std::lock_guard<std::mutex> lock(syncMutex_);
    if (audioPlaying) synchronizer_.onAudioPlayout(audioTimestamp, audioPlayoutUs);
    if (video) synchronizer_.onVideoPlayout(video->rtpTimestamp, video->renderedUs);
    changed = synchronizer_.update(nowUs, videoDelayMs, audioDelayMs);
    videoMinimumMs = synchronizer_.delays().videoMinimumDelayMs;
  }
  if (changed) videoReceive_->setMinimumPlayoutDelayMs(videoMinimumMs);
}

void CallMediaPipeline::onMediaSessionTimeout() { listener_.onCallMediaTimeout(); }

void CallMediaPipeline::onMediaSessionKeyframeRequested(uint32_t ssrc) {
  if (videoSend_ && ssrc == videoSend_->ssrc()) videoSend_->requestKeyframe();
}

void CallMediaPipeline::onMediaSessionTargetBitrate(uint64_t audioBps, uint64_t videoBps) {
  if (audioSend_ && audioBps > 0) audioSend_->setBitrate(static_cast<int>(audioBps));
  if (videoSend_ && videoBps > 0) {
    const int fixedKbps = config_.fixedVideoBitrateKbps;
    videoTargetKbps_.store(fixedKbps > 0 ? fixedKbps
                                         : static_cast<int>(std::max<uint64_t>(1, videoBps / 1000)));
    videoSend_->setRates(videoTargetKbps_.load(), cameraFps_.load());
  }
}

void CallMediaPipeline::onMediaSessionSenderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs,
                                                   int64_t /*arrivalUs*/) {
  const bool isAudio = audioReceive_ && audioReceive_->remoteSsrc() == ssrc;
  const bool isVideo = videoReceive_ && videoReceive_->remoteSsrc() == ssrc;
  std::lock_guard<std::mutex> lock(syncMutex_);
  if (isAudio) synchronizer_.onAudioSenderReport(ntp, rtpTs);
  if (isVideo) synchronizer_.onVideoSenderReport(ntp, rtpTs);
}

void CallMediaPipeline::onMediaSessionBye(uint32_t ssrc) { listener_.onCallMediaRemoteBye(ssrc); }

void CallMediaPipeline::onMediaSessionRttUpdated(int64_t rttMs) {
  if (videoReceive_) videoReceive_->setRttMs(static_cast<int>(std::min<int64_t>(rttMs, 10'000)));
}

void CallMediaPipeline::onCaptureFrame(video::VideoFramePtr frame) {
  if (!frame) return;
  if (videoSend_ && videoSending_.load()) videoSend_->sendFrame(*frame);
  std::lock_guard<std::mutex> lock(renderersMutex_);
  if (localRenderer_ != nullptr) localRenderer_->render(*frame);
}

void CallMediaPipeline::onEchoVideoFrame(video::VideoFramePtr frame) {
  onCaptureFrame(std::move(frame));
}

void CallMediaPipeline::onCaptureError(const std::string& reason) {
  listener_.onCallMediaCaptureError(reason);
}

void CallMediaPipeline::onAudioDeviceLost(const std::string& deviceName,
                                          const std::string& reason) {
  listener_.onCallMediaAudioDeviceLost(deviceName, reason);
}

void CallMediaPipeline::onAudioDeviceSwitched(const std::string& fromName,
                                              const std::string& toName) {
  listener_.onCallMediaAudioDeviceSwitched(fromName, toName);
}

void CallMediaPipeline::onAudioDeviceError(const std::string& reason) {
  listener_.onCallMediaAudioDeviceError(reason);
}

void CallMediaPipeline::onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) {
  if (audioSend_) audioSend_->onCapturedAudio(pcm, samples, captureUs);
}

void CallMediaPipeline::renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) {
  if (audioReceive_) {
    audioReceive_->renderAudio(pcm, samples, playoutUs);
  } else {
    std::fill(pcm, pcm + samples, int16_t{0});
  }
}

}  // namespace parley::call
