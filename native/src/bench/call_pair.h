// The two calls of the call harness and everything that measures them: side
// A and side B, each a CallMediaPipeline with a test-pattern camera, a voice
// (speech-like) microphone and a null speaker, joined by two SimulatedTransports; per video
// direction the sender's capture log, the receiver's stamp reader and the
// codec timing hooks.
#ifndef PARLEY_BENCH_CALL_PAIR_H
#define PARLEY_BENCH_CALL_PAIR_H

#include <memory>
#include <string>

#include "bench/call_pipeline_harness.h"
#include "bench/frame_recorders.h"
#include "call/call_media_pipeline.h"
#include "common/clock.h"
#include "network/simulated_transport.h"

namespace parley::bench {

// What one video direction is measured with (A->B or B->A).
struct VideoDirection {
  explicit VideoDirection(const Clock& clock, std::unique_ptr<render::VideoRenderer> target)
      : stamps(clock, std::move(target)), codec(clock) {}
  CaptureLog capture;  // the sender's self view
  StampReader stamps;  // the receiver's remote view
  CodecTimes codec;    // the sender's encodes, the receiver's decodes
};

// Built complete or not at all: the constructor throws std::runtime_error
// with the reason (no SRTP keys, a window that cannot be drawn into). start()
// and stop() from the owner's thread; stop() is safe twice and runs on
// destruction.
class CallPair {
 public:
  CallPair(const CallHarnessConfig& config, SystemClock& clock);
  ~CallPair();
  CallPair(const CallPair&) = delete;
  CallPair& operator=(const CallPair&) = delete;

  // Starts B, then A; false with *error when either cannot start.
  bool start(std::string* error);
  void stop();

  call::CallMediaPipeline& a() { return *a_; }
  call::CallMediaPipeline& b() { return *b_; }
  network::SimulatedTransport& transportA() { return transportA_; }
  network::SimulatedTransport& transportB() { return transportB_; }
  VideoDirection& forward() { return *forward_; }  // A's camera at B
  VideoDirection& reverse() { return *reverse_; }  // B's camera at A

 private:
  class ReportingListener final : public call::CallMediaPipeline::Listener {
   public:
    explicit ReportingListener(const char* side) : side_(side) {}
    void onCallMediaTimeout() override;
    void onCallMediaAudioDeviceError(const std::string& reason) override;
    void onCallMediaCaptureError(const std::string& reason) override;

   private:
    const char* side_;
  };

  network::SimulatedTransport transportA_;
  network::SimulatedTransport transportB_;
  std::unique_ptr<VideoDirection> forward_;
  std::unique_ptr<VideoDirection> reverse_;
  ReportingListener listenerA_{"A"};
  ReportingListener listenerB_{"B"};
  std::unique_ptr<call::CallMediaPipeline> a_;
  std::unique_ptr<call::CallMediaPipeline> b_;
};

// One direction's link: each end's config describes its INBOUND link.
network::SimulatedNetwork::Config harnessLinkConfig(const CallHarnessConfig& config, uint64_t seed);

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CALL_PAIR_H
