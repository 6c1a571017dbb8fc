// Groups received packets into send-time bursts and reports the deltas
// between consecutive groups: the input of the delay-gradient filter
// (draft-ietf-rmcat-gcc-02 section 5.1, arrival-time model, and section 5.2,
// pre-filtering).
#ifndef PARLEY_CONGESTION_INTER_ARRIVAL_H
#define PARLEY_CONGESTION_INTER_ARRIVAL_H

#include <cstddef>
#include <cstdint>

namespace parley::congestion {

// A group is the packets sent within burstUs of the group's first packet
// (a video frame leaves the pacer as such a burst). Section 5.2 also merges
// into the current group a packet that arrives less than burstUs after the
// previous one while its inter-departure delta is larger than its
// inter-arrival delta (a burst released by a network queue that had held it:
// those arrivals say nothing about the path's delay gradient).
//
// When a packet starts a new group and two complete groups exist, onPacket()
// reports, between the last two complete groups (section 5.1):
//   sendDeltaUs    = T(i) - T(i-1)   (send time of each group's last packet)
//   arrivalDeltaUs = t(i) - t(i-1)   (arrival time of each group's last packet)
//   sizeDeltaBytes = L(i) - L(i-1)
// The caller must pass unwrapped send times (AbsSendTimeUnwrapper) and one
// monotonic arrival clock. Packets sent before the current group (reordered)
// are counted and ignored. A gap in arrivals longer than resetGapUs, or an
// arrival clock going back, restarts the grouping (counted).
class InterArrival {
 public:
  struct Config {
    int64_t burstUs = 5'000;
    int64_t resetGapUs = 3'000'000;
  };

  struct Deltas {
    int64_t sendDeltaUs = 0;
    int64_t arrivalDeltaUs = 0;
    int64_t sizeDeltaBytes = 0;
    int64_t arrivalUs = 0;  // arrival of the newer group's last packet
  };

  struct Stats {
    uint64_t packets = 0;
    uint64_t groups = 0;       // completed groups
    uint64_t reordered = 0;    // ignored: sent before the current group
    uint64_t resets = 0;
  };

  InterArrival() : InterArrival(Config{}) {}
  explicit InterArrival(const Config& config) : config_(config) {}

  // True when a group completed and *deltas holds its deltas to the one before.
  bool onPacket(int64_t sendUs, int64_t arrivalUs, size_t sizeBytes, Deltas* deltas);
  const Stats& stats() const { return stats_; }

 private:
  struct Group {
    bool valid = false;
    int64_t firstSendUs = 0;
    int64_t lastSendUs = 0;
    int64_t firstArrivalUs = 0;
    int64_t lastArrivalUs = 0;
    int64_t sizeBytes = 0;
  };

  bool belongsToCurrent(int64_t sendUs, int64_t arrivalUs) const;
  void reset();

  Config config_;
  Group current_;
  Group previous_;
  Stats stats_;
};

}  // namespace parley::congestion

#endif  // PARLEY_CONGESTION_INTER_ARRIVAL_H
