// Lip sync of one audio and one video receive stream of the same sender.
#ifndef PARLEY_SYNC_STREAM_SYNCHRONIZER_H
#define PARLEY_SYNC_STREAM_SYNCHRONIZER_H

#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

#include "sync/rtp_to_ntp_estimator.h"

namespace parley::sync {

// Measures how far video playout is off audio playout for the same capture
// instant and computes the delays that bring the two together:
//
//   offset = (video playout time - audio playout time)
//          - (video capture NTP - audio capture NTP)
//
// from the latest played audio sample and rendered video frame (RTP timestamp
// and local playout time each) and the two streams' sender-report mappings
// (RtpToNtpEstimator; both use the sender's one NTP clock, RFC 3550 section
// 6.4.1). Positive: video is shown later than the audio captured with it.
//
// Output: a minimum playout delay for the video jitter buffer (SyncTarget) when
// video is early, and an extra audio delay when video is late and the video
// minimum is already gone. The controller works on the part of the offset
// that does not depend on the buffers (offset minus the current video-audio
// buffer delay difference), filtered by a median over filterLength updates,
// so jitter in the inputs and the lag before a changed delay shows in the
// playout do not make it oscillate. It acts at most once per
// updateIntervalMs, changes the delays by at most maxStepMs per update (80 ms
// per second by default, as libwebrtc), leaves offsets within deadbandMs
// alone and caps both delays at maxDelayMs.
//
// The caller must: forward each stream's sender reports; report playout
// points as they happen (audio: the RTP timestamp being heard at the speaker
// and when; video: the frame rendered and when), on one monotonic clock; call
// update() about once a second with the buffers' current delays; apply
// delays().videoMinimumDelayMs to the video stream (SyncTarget) and, when
// Config::audioExtraApplied, delays().audioExtraDelayMs to the audio stream.
// Nothing happens until both streams have a sender report and a recent
// playout point. Memory: bounded by the Config. Not thread-safe.
class StreamSynchronizer {
 public:
  struct Config {
    int updateIntervalMs = 1000;  // the controller acts at most this often
    int maxStepMs = 80;           // delay change per update
    int maxDelayMs = 1000;        // cap of the video minimum and the audio extra
    int deadbandMs = 10;          // offsets this small are left alone
    size_t filterLength = 5;      // median over this many measurements
    int maxPointAgeMs = 2000;     // older playout points mean a stream stopped
    int maxOffsetMs = 5000;       // larger offsets are taken for bad clocks
    // Whether the caller applies audioExtraDelayMs (and so includes it in the
    // audio delay passed to update()); if not, it is reported as a wish.
    bool audioExtraApplied = false;
    RtpToNtpEstimator::Config audioClock{48'000};
    RtpToNtpEstimator::Config videoClock{90'000};
  };

  struct Delays {
    int videoMinimumDelayMs = 0;  // for SyncTarget::setMinimumPlayoutDelayMs
    int audioExtraDelayMs = 0;    // added to the audio playout delay
  };

  struct Stats {
    uint64_t updates = 0;         // update() calls that acted (interval elapsed)
    uint64_t measurements = 0;    // offsets measured
    uint64_t changes = 0;         // updates that changed the delays
    uint64_t skippedNoClock = 0;  // a stream without sender report
    uint64_t skippedNoPlayout = 0;  // a stream without recent playout point
    uint64_t implausible = 0;     // |offset| > maxOffsetMs
    std::optional<int> offsetMs;  // last measured offset
    std::optional<int> filteredOffsetMs;  // offset the controller works with
  };

  StreamSynchronizer();
  explicit StreamSynchronizer(const Config& config);

  RtpToNtpEstimator::Result onAudioSenderReport(uint64_t ntpTimestamp, uint32_t rtpTimestamp);
  RtpToNtpEstimator::Result onVideoSenderReport(uint64_t ntpTimestamp, uint32_t rtpTimestamp);
  void onAudioPlayout(uint32_t rtpTimestamp, int64_t playoutUs);
  void onVideoPlayout(uint32_t rtpTimestamp, int64_t playoutUs);

  // Measures and steps the delays. currentVideoDelayMs: the video jitter
  // buffer's playout delay now (VideoJitterBuffer::Stats::currentDelayMs,
  // minimum included, capped by its maximum: keep Config::maxDelayMs at or
  // below that maximum); currentAudioDelayMs: the audio buffer's playout
  // delay now (plus audioExtraDelayMs when applied). True when delays()
  // changed; acts at most once per updateIntervalMs (false in between).
  bool update(int64_t nowUs, int currentVideoDelayMs, int currentAudioDelayMs);

  const Delays& delays() const { return delays_; }
  // The last measured offset, nullopt before the first measurement.
  std::optional<int> offsetMs() const { return stats_.offsetMs; }
  const Stats& stats() const { return stats_; }
  const RtpToNtpEstimator& audioClock() const { return audioClock_; }
  const RtpToNtpEstimator& videoClock() const { return videoClock_; }
  void reset();

 private:
  struct Point {
    uint32_t rtpTimestamp;
    int64_t playoutUs;
  };

  std::optional<int64_t> measureOffsetUs(int64_t nowUs);
  int medianBase() const;
  void step(int change, int error, int currentVideoDelayMs);

  Config config_;
  RtpToNtpEstimator audioClock_;
  RtpToNtpEstimator videoClock_;
  std::optional<Point> audioPoint_;
  std::optional<Point> videoPoint_;
  std::optional<int64_t> lastUpdateUs_;
  std::deque<int> bases_;  // offset minus buffer delay difference, ms
  Delays delays_;
  Stats stats_;
};

}  // namespace parley::sync

#endif  // PARLEY_SYNC_STREAM_SYNCHRONIZER_H
