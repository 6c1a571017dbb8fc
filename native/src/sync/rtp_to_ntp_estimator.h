// Maps one remote stream's RTP timestamps to the sender's NTP wallclock, from
// the (NTP, RTP) pairs of its RTCP sender reports. Lip sync compares the
// capture instants of audio and video through this mapping.
#ifndef PARLEY_SYNC_RTP_TO_NTP_ESTIMATOR_H
#define PARLEY_SYNC_RTP_TO_NTP_ESTIMATOR_H

#include <cstddef>
#include <cstdint>
#include <deque>

namespace parley::sync {

// RFC 3550 section 6.4.1: each sender report carries an NTP timestamp (64-bit
// 32.32 fixed-point seconds since 1900, the sender's wallclock when the report
// was sent) and an RTP timestamp that "corresponds to the same time as the NTP
// timestamp (above), but in the same units and with the same random offset as
// the RTP timestamps in data packets". The pairs of one stream therefore lie
// on a line ntp = a + rtp / clockRate; this class fits that line over the last
// maxReports pairs (least squares), and maps any RTP timestamp onto it.
//
// One report already gives an estimate (at the nominal clock rate); with two
// or more spanning at least minSpanMs the slope is fitted, and used only while
// it stays within maxRateDeviation of the nominal rate (a noisy fit falls back
// to the nominal rate through the mean of the pairs).
//
// RTP timestamps are 32 bits and wrap: they are unwrapped against the newest
// report (nearest interpretation), so estimates are good within +/- 2^31 ticks
// of it (6.6 h at 90 kHz).
//
// Bad reports are counted and dropped: NTP zero (the RFC allows a sender
// without wallclock to send zero), exact repeats, NTP or RTP going backwards,
// and pairs whose RTP advance disagrees with the NTP advance by more than
// toleranceMs plus maxRateDeviation. After resetAfterRejections consecutive
// rejections, or a report more than maxReportGapMs after the previous one, the
// sender is taken to have restarted its clocks: the history is discarded and
// the new report starts it over.
//
// The caller feeds every sender report of the stream (after SSRC demux) and
// must handle estimateNtpMs returning false (no report yet). Memory: at most
// maxReports pairs. Not thread-safe.
class RtpToNtpEstimator {
 public:
  struct Config {
    int clockRateHz = 90'000;      // the payload format's RTP clock (48 kHz for Opus)
    size_t maxReports = 8;         // pairs kept for the fit (>= 1)
    double maxRateDeviation = 0.02;  // accepted |fitted rate / nominal - 1|
    int toleranceMs = 100;         // slack of the consistency check of a new report
    int minSpanMs = 500;           // NTP span before the slope is fitted
    int resetAfterRejections = 3;  // consecutive rejected reports that restart
    int64_t maxReportGapMs = 3'600'000;  // a longer silence restarts
  };

  enum class Result {
    kAccepted,      // added to the fit
    kRestarted,     // history discarded, this report starts it over
    kDuplicate,     // same pair as the newest: ignored
    kBackwards,     // NTP or RTP older than the newest report: rejected
    kInconsistent,  // RTP advance does not match the NTP advance: rejected
    kInvalid,       // NTP timestamp zero: rejected
  };

  struct Stats {
    uint64_t accepted = 0;
    uint64_t restarts = 0;
    uint64_t duplicates = 0;
    uint64_t backwards = 0;
    uint64_t inconsistent = 0;
    uint64_t invalid = 0;
  };

  RtpToNtpEstimator();
  explicit RtpToNtpEstimator(const Config& config);

  // One sender report: its NTP timestamp (RFC 3550 64-bit format) and RTP timestamp.
  Result onSenderReport(uint64_t ntpTimestamp, uint32_t rtpTimestamp);
  // The sender's NTP wallclock (milliseconds since 1900) at which the sample
  // with this RTP timestamp was captured; false before the first report.
  bool estimateNtpMs(uint32_t rtpTimestamp, int64_t* ntpMs) const;
  // Same in microseconds.
  bool estimateNtpUs(uint32_t rtpTimestamp, int64_t* ntpUs) const;
  bool hasEstimate() const { return !reports_.empty(); }
  size_t reportCount() const { return reports_.size(); }
  // Fitted clock rate in Hz (the nominal one until the slope is fitted).
  double clockRateHz() const { return 1e6 / usPerTick_; }
  const Stats& stats() const { return stats_; }
  void reset();

  // RFC 3550 64-bit NTP timestamp (32.32 seconds) to microseconds, and back.
  static int64_t ntpToUs(uint64_t ntpTimestamp);
  static uint64_t usToNtp(int64_t us);

 private:
  struct Report {
    int64_t ntpUs;
    int64_t rtp;  // unwrapped
  };

  Result reject(Result why);
  void restartWith(int64_t ntpUs, uint32_t rtpTimestamp);
  int64_t unwrap(uint32_t rtpTimestamp) const;
  void fit();

  Config config_;
  std::deque<Report> reports_;
  uint32_t newestRtp32_ = 0;
  int rejectedInRow_ = 0;
  // The fitted line, relative to the newest report: ntpUs = newest.ntpUs +
  // offsetUs_ + usPerTick_ * (rtp - newest.rtp).
  double usPerTick_;
  double offsetUs_ = 0;
  Stats stats_;
};

}  // namespace parley::sync

#endif  // PARLEY_SYNC_RTP_TO_NTP_ESTIMATOR_H
