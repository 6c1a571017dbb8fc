// The media of one call, assembled in one place:
//
//  microphone --> AudioSendStream --\                      /--> AudioReceiveStream --> speaker
//  camera --> VideoSendStream -------+--> MediaSession <--+---> VideoReceiveStream --> window
//        \--> self view              (SRTP, RTCP, RTX,     \--> lip sync (sender reports,
//                                      pacing, rate)             playout points)
//
// Echo mode replaces the microphone and camera by what was received:
//   VideoReceiveStream --> EchoVideoLoop --> window, and --> VideoSendStream
//   speaker <-- EchoAudioLoop <-- AudioReceiveStream, and --> AudioSendStream
//
// Backs the facade's parley::CallMedia; the bench and the end-to-end tests
// run it over a simulated transport.
#ifndef PARLEY_CALL_CALL_MEDIA_PIPELINE_H
#define PARLEY_CALL_CALL_MEDIA_PIPELINE_H

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "audio/device/audio_device.h"
#include "call/call_media_config.h"
#include "call/call_media_stats.h"
#include "call/echo_audio_loop.h"
#include "call/echo_video_loop.h"
#include "capture/capture_thread.h"
#include "common/clock.h"
#include "network/packet_transport.h"
#include "pipeline/audio_receive_stream.h"
#include "pipeline/audio_send_stream.h"
#include "pipeline/video_receive_stream.h"
#include "pipeline/video_send_stream.h"
#include "render/video_renderer.h"
#include "srtp/sdes_crypto_attribute.h"
#include "sync/stream_synchronizer.h"
#include "transport/media_session.h"

namespace parley::call {

// Threads: start/stop and the setters from the owner (any one thread at a
// time); stats() from any thread. Listener events come from native threads
// (network, capture, audio device, housekeeping) and must not block or call
// stop(). The transport, clock, listener and renderers must outlive stop().
class CallMediaPipeline final : private transport::MediaSession::Listener,
                                private capture::CaptureThread::Listener,
                                private audio::AudioDevice::Listener,
                                private audio::AudioCaptureSink,
                                private audio::AudioRenderSource,
                                private EchoVideoLoop::Listener {
 public:
  class Listener {
   public:
    virtual ~Listener() = default;
    // Nothing authenticated arrived from the peer for the media timeout: the
    // call manager ends the call with a network reason.
    virtual void onCallMediaTimeout() {}
    // The peer sent RTCP BYE for one of its streams.
    virtual void onCallMediaRemoteBye(uint32_t /*ssrc*/) {}
    // Audio device trouble: lost (with the device's name and how it was
    // noticed), switched to another device, or an error (no device could be
    // opened: the call continues without it).
    virtual void onCallMediaAudioDeviceLost(const std::string& /*name*/,
                                            const std::string& /*reason*/) {}
    virtual void onCallMediaAudioDeviceSwitched(const std::string& /*from*/,
                                                const std::string& /*to*/) {}
    virtual void onCallMediaAudioDeviceError(const std::string& /*reason*/) {}
    // The camera could not be opened or failed: the call continues without
    // sending video.
    virtual void onCallMediaCaptureError(const std::string& /*reason*/) {}
  };

  CallMediaPipeline(const CallMediaConfig& config, network::PacketTransport& transport,
                    const Clock& clock, Listener& listener);
  ~CallMediaPipeline() override;  // stops
  CallMediaPipeline(const CallMediaPipeline&) = delete;
  CallMediaPipeline& operator=(const CallMediaPipeline&) = delete;

  // Builds the streams, opens the devices and starts the session. false with
  // *error only when the session cannot run (keys, transport); a device that
  // cannot be opened is reported through the listener and the call goes on
  // without it.
  bool start(std::string* error);
  // Stops devices, streams and session (BYE). Safe to call twice.
  void stop();

  // Where the peer's video and our own camera are drawn (null: not drawn).
  void setRemoteRenderer(render::VideoRenderer* renderer);
  void setLocalRenderer(render::VideoRenderer* renderer);

  void setMicrophoneMuted(bool muted);
  void setSpeakerMuted(bool muted);
  // Stops or resumes sending video (the camera keeps running for the self view).
  void setVideoSending(bool sending);

  // What the SDP answer settles after construction. Before start() only:
  // throw std::logic_error once started.
  void setRemoteKey(const std::optional<srtp::SrtpMasterKey>& key);
  void setRemoteSsrcs(uint32_t audioSsrc, uint32_t videoSsrc);

  // Our SSRCs, drawn at construction (or as configured); 0 for a medium the
  // config turned off, and for RTX when videoRtxPayloadType is 0.
  uint32_t localAudioSsrc() const { return config_.audio ? config_.audioSsrc : 0; }
  uint32_t localVideoSsrc() const { return config_.video ? config_.videoSsrc : 0; }
  uint32_t localVideoRtxSsrc() const {
    return config_.video && config_.videoRtxPayloadType != 0 ? config_.videoRtxSsrc : 0;
  }

  // Replaces the camera. Before start() only the config changes; while
  // running, the old source stops, the new one opens (a failure is reported
  // through onCallMediaCaptureError and the call goes on without sending
  // video), the encoder follows its size and the next frame is a keyframe.
  // From the owner's thread, like start/stop.
  void switchCamera(const VideoSourceConfig& camera);

  CallMediaStats stats() const;

 private:
  class ReceiveAdapter;

  bool openVideo();
  static CallMediaConfig withLocalSsrcs(CallMediaConfig config);
  void openAudio();
  void housekeeping();
  void runHousekeeping();

  // transport::MediaSession::Listener (network or session threads)
  void onMediaSessionTimeout() override;
  void onMediaSessionKeyframeRequested(uint32_t ssrc) override;
  void onMediaSessionTargetBitrate(uint64_t audioBps, uint64_t videoBps) override;
  void onMediaSessionSenderReport(uint32_t ssrc, uint64_t ntp, uint32_t rtpTs,
                                  int64_t arrivalUs) override;
  void onMediaSessionBye(uint32_t ssrc) override;
  void onMediaSessionRttUpdated(int64_t rttMs) override;
  // capture::CaptureThread::Listener (capture thread)
  void onCaptureFrame(video::VideoFramePtr frame) override;
  void onCaptureError(const std::string& reason) override;
  // audio::AudioDevice::Listener (device threads)
  void onAudioDeviceLost(const std::string& deviceName, const std::string& reason) override;
  void onAudioDeviceSwitched(const std::string& fromName, const std::string& toName) override;
  void onAudioDeviceError(const std::string& reason) override;
  // audio::AudioCaptureSink / AudioRenderSource (device threads)
  void onCapturedAudio(const int16_t* pcm, size_t samples, int64_t captureUs) override;
  void renderAudio(int16_t* pcm, size_t samples, int64_t playoutUs) override;
  // EchoVideoLoop::Listener (echo thread): sent like a camera picture
  void onEchoVideoFrame(video::VideoFramePtr frame) override;
  void openSpeaker(audio::AudioRenderSource& source);

  // Fixed at construction but for what the setters settle before start().
  CallMediaConfig config_;
  network::PacketTransport& transport_;
  const Clock& clock_;
  Listener& listener_;

  std::unique_ptr<transport::MediaSession> session_;
  std::unique_ptr<ReceiveAdapter> audioReceiver_;
  std::unique_ptr<ReceiveAdapter> videoReceiver_;
  std::unique_ptr<pipeline::AudioSendStream> audioSend_;
  std::unique_ptr<pipeline::AudioReceiveStream> audioReceive_;
  std::unique_ptr<pipeline::VideoSendStream> videoSend_;
  std::unique_ptr<pipeline::VideoReceiveStream> videoReceive_;
  std::unique_ptr<audio::AudioInput> microphone_;
  std::unique_ptr<audio::AudioOutput> speaker_;
  std::unique_ptr<capture::CaptureThread> capture_;
  std::unique_ptr<EchoVideoLoop> echoVideo_;  // echo mode only
  std::unique_ptr<EchoAudioLoop> echoAudio_;  // echo mode only

  std::atomic<bool> videoSending_{true};
  std::atomic<int> cameraFps_{30};
  std::atomic<int> videoTargetKbps_{0};  // the session's last video target (0: none yet)
  std::atomic<bool> cameraOpen_{false};
  std::mutex renderersMutex_;
  render::VideoRenderer* localRenderer_ = nullptr;   // under renderersMutex_
  render::VideoRenderer* remoteRenderer_ = nullptr;  // under renderersMutex_

  mutable std::mutex syncMutex_;
  sync::StreamSynchronizer synchronizer_;  // under syncMutex_

  std::mutex housekeepingMutex_;
  std::condition_variable housekeepingWake_;
  bool running_ = false;  // under housekeepingMutex_
  std::thread housekeepingThread_;
};

}  // namespace parley::call

#endif  // PARLEY_CALL_CALL_MEDIA_PIPELINE_H
