// The owner's controls of a call's media: SSRCs and what the SDP answer
// settles before start(), renderers, mutes, and switching the camera.
#include <stdexcept>

#include "call/call_media_pipeline.h"
#include "common/random_id.h"

namespace parley::call {

// Draws the SSRCs left at 0 now, so they can go into the SDP before start().
CallMediaConfig CallMediaPipeline::withLocalSsrcs(CallMediaConfig config) {
  config.audioSsrc = config.audioSsrc != 0 ? config.audioSsrc : randomNonZeroUint32();
  config.videoSsrc = config.videoSsrc != 0 ? config.videoSsrc : randomNonZeroUint32();
  config.videoRtxSsrc = config.videoRtxSsrc != 0 ? config.videoRtxSsrc : randomNonZeroUint32();
  // Distinct within the call (RFC 3550 section 8.1 asks this of all sources).
  while (config.videoSsrc == config.audioSsrc) config.videoSsrc = randomNonZeroUint32();
  while (config.videoRtxSsrc == config.audioSsrc || config.videoRtxSsrc == config.videoSsrc) {
    config.videoRtxSsrc = randomNonZeroUint32();
  }
  return config;
}

void CallMediaPipeline::setRemoteKey(const std::optional<srtp::SrtpMasterKey>& key) {
  if (session_) throw std::logic_error("the remote crypto is settled before start()");
  config_.session.remoteKey = key;
}

void CallMediaPipeline::setRemoteSsrcs(uint32_t audioSsrc, uint32_t videoSsrc) {
  if (session_) throw std::logic_error("the remote SSRCs are settled before start()");
  config_.remoteAudioSsrc = audioSsrc;
  config_.remoteVideoSsrc = videoSsrc;
}

void CallMediaPipeline::switchCamera(const VideoSourceConfig& camera) {
  config_.camera = camera;
  if (config_.echo) return;  // echo mode sends what it receives, never a camera
  if (!session_ || !videoSend_) return;  // not started (or no video): start() opens it
  if (capture_) {
    capture_->stop();  // the listener is not called again once this returns
    capture_.reset();
    cameraOpen_.store(false);
  }
  {
    std::lock_guard<std::mutex> lock(housekeepingMutex_);
    if (!running_) return;  // stopped: nothing to switch
  }
  if (!openVideo()) return;
  // The encoder restarts at a new size by itself (and so with a keyframe);
  // at the same size the peer still needs a clean start of the new picture.
  videoSend_->requestKeyframe();
  const int kbps = videoTargetKbps_.load();
  if (kbps > 0) videoSend_->setRates(kbps, cameraFps_.load());
}

void CallMediaPipeline::setRemoteRenderer(render::VideoRenderer* renderer) {
  std::lock_guard<std::mutex> lock(renderersMutex_);
  remoteRenderer_ = renderer;  // for a receive stream made later by start()
  if (echoVideo_) {
    echoVideo_->setTarget(renderer);  // the loop stays the receive stream's renderer
  } else if (videoReceive_) {
    videoReceive_->setRenderer(renderer);
  }
}

void CallMediaPipeline::setLocalRenderer(render::VideoRenderer* renderer) {
  std::lock_guard<std::mutex> lock(renderersMutex_);
  localRenderer_ = renderer;
}

void CallMediaPipeline::setMicrophoneMuted(bool muted) {
  if (audioSend_) audioSend_->setMuted(muted);
}

void CallMediaPipeline::setSpeakerMuted(bool muted) {
  if (audioReceive_) audioReceive_->setSpeakerMuted(muted);
}

void CallMediaPipeline::setVideoSending(bool sending) {
  const bool was = videoSending_.exchange(sending);
  // The peer's decoder cannot use frames that refer to ones it never got.
  if (sending && !was && videoSend_) videoSend_->requestKeyframe();
}

}  // namespace parley::call
