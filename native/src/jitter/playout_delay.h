// Jitter estimate and adaptive playout delay of the video jitter buffer.
#ifndef PARLEY_JITTER_PLAYOUT_DELAY_H
#define PARLEY_JITTER_PLAYOUT_DELAY_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>

namespace parley::jitter {

// Learns how late frames complete relative to the fastest one and turns that
// into the delay the jitter buffer adds before playing a frame.
//
// For each complete frame, transit = completion time - RTP timestamp / 90 kHz
// (arrival delta minus timestamp delta, accumulated). The base is the smallest
// transit seen within the window (the fastest path); a frame's relative delay
// is its transit minus the base when it arrived. The jitter is a high quantile
// of the relative delays in the window; with
//   excess = max(0, jitter - toleratedJitter)
// the target delay is
//   clamp(excess + min(excess, margin), 0, maxDelay)
// so a regular stream, or one whose jitter stays below what a display shows
// (toleratedJitter), gets zero delay, and the target grows continuously above it. The current delay, which the
// buffer applies, jumps up to the target at once and comes down at most
// shrinkMsPerSecond, so playback speeds up imperceptibly after a jitter spike.
//
// Reference time: with the sender's send time of the frame's last original
// packet (abs-send-time, stamped as the pacer releases it) the transit is
// completion - send time, so only the network's variation counts as jitter;
// the sender's encode-time variation (a slow frame leaves late but arrives
// on time relative to its sending) does not, and on a clean link frames play
// as they arrive. Without it the RTP timestamp is the reference, and encode
// and pacing variation read as jitter. Samples of one kind only are kept: a
// frame of the other kind (with samples present) restarts the estimate. The
// RTP-timestamp base is kept in both cases, for frames without a send time.
//
// Frames completed through retransmission measure the RTT, not jitter: the
// caller passes retransmitted=true (RTX, or any packet that arrived after a
// NACK) and they are not sampled. A transit more
// than discontinuityMs away from the base (sender restarted, timestamp jump)
// restarts the estimate. Memory: at most maxSamples samples. Not thread-safe.
//
// A minimum delay (setMinimumDelayMs, set by lip sync to hold video back for
// audio) raises the current and target delay to at least that value, still
// capped by maxDelayMs; it survives reset() and takes effect at once, both up
// and down (the caller limits how fast it changes it).
class PlayoutDelay {
 public:
  struct Config {
    double quantile = 0.95;       // of the relative delays in the window
    int marginMs = 10;            // safety on top of the quantile (never more than it)
    // Jitter the buffer does not try to hide: frames shown up to this much
    // off their ideal time are imperceptible next to a 60 Hz display's own
    // 16.7 ms quantization, and hiding them would cost every frame latency.
    int toleratedJitterMs = 8;
    int windowMs = 3000;          // how long a sample counts
    size_t maxSamples = 256;      // and how many at most
    int shrinkMsPerSecond = 20;   // how fast the current delay may come down
    int discontinuityMs = 5000;   // a transit this far off restarts the estimate
  };

  // maxDelayMs caps the target (and hence the current) delay.
  PlayoutDelay(const Config& config, int maxDelayMs);

  static constexpr int64_t kNoSendTime = INT64_MIN;

  // One complete frame: its RTP timestamp, the time its last packet arrived
  // and, when known, the sender's send time of its last original packet
  // (microseconds, any origin; kNoSendTime: unknown).
  void onFrameComplete(int64_t rtpTimestamp, int64_t completeUs, bool retransmitted,
                       int64_t sendUs = kNoSendTime);

  // When a frame with this timestamp (and send time) arrives over the fastest
  // path seen: send time + base while send times are sampled, else
  // timestamp / 90 kHz + the RTP base; nullopt before the first sample.
  std::optional<int64_t> expectedArrivalUs(int64_t rtpTimestamp,
                                           int64_t sendUs = kNoSendTime) const;
  // Whether the samples (and jitter) come from send times.
  bool usingSendTimes() const { return sendDomain_; }

  // The delay to apply: max(jitter-based delay, minimum), at most maxDelay.
  int64_t currentDelayUs() const { return std::max(currentUs_, minimumUs_); }
  int64_t targetDelayUs() const { return std::max(targetUs_, minimumUs_); }
  // Lower bound of the delay; clamped to [0, maxDelayMs].
  void setMinimumDelayMs(int minimumMs);
  int64_t minimumDelayUs() const { return minimumUs_; }
  int64_t jitterUs() const { return jitterUs_; }
  int64_t maxDelayUs() const { return maxDelayUs_; }
  size_t sampleCount() const { return samples_.size(); }
  void reset();

  // 90 kHz RTP ticks to microseconds; |ticks| must stay within 2^52.
  static int64_t rtpToUs(int64_t ticks) { return ticks / 9 * 100 + ticks % 9 * 100 / 9; }

 private:
  struct Sample {
    int64_t atUs;       // completion time
    int64_t transitUs;  // completion time - reference (send time or timestamp)
    int64_t rtpTransitUs;  // completion time - timestamp
    int64_t relativeUs; // transit - base at the time
  };

  void dropOldSamples(int64_t nowUs);
  int64_t minTransit() const;
  int64_t minRtpTransit() const;
  int64_t quantileOfRelative() const;
  void updateDelay(int64_t nowUs);

  Config config_;
  int64_t maxDelayUs_;
  std::deque<Sample> samples_;
  std::optional<int64_t> baseUs_;     // in the samples' domain
  std::optional<int64_t> rtpBaseUs_;  // completion - timestamp, fastest
  bool sendDomain_ = false;
  int64_t jitterUs_ = 0;
  int64_t targetUs_ = 0;
  int64_t currentUs_ = 0;
  std::optional<int64_t> lastUpdateUs_;
  int64_t minimumUs_ = 0;
};

}  // namespace parley::jitter

#endif  // PARLEY_JITTER_PLAYOUT_DELAY_H
