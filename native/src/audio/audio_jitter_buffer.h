// Receive-side audio jitter buffer (NetEq-lite): Opus packets in, a steady
// stream of 48 kHz PCM out.
#ifndef PARLEY_AUDIO_AUDIO_JITTER_BUFFER_H
#define PARLEY_AUDIO_AUDIO_JITTER_BUFFER_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <vector>

#include "audio/delay_estimator.h"
#include "codec/opus_decoder.h"

namespace parley::audio {

// Buffers the Opus packets of one mono stream and plays them out at a delay
// that adapts to the measured jitter:
//   insert -> DelayEstimator (jitter -> target delay, capped)
//          -> packet store (by sequence number, bounded)
//   pull   -> OpusDecoder (decode, in-band FEC of the next packet, PLC)
//          -> time stretch (remove or repeat a pitch period when the delay is
//             off target: this also absorbs sender/receiver clock drift)
//
// The delay is that of the sample being handed out relative to the fastest
// path seen: now - (its RTP timestamp / 48 kHz + base transit). A missing
// packet is concealed: first by holding playout (the delay grows, up to
// lateWaitMs past the target) in case it is only late, then by giving it up;
// when the packet after it arrives in time and carries FEC, the loss is
// recovered from it instead; while the stream carries FEC the target delay
// includes one packet of look-ahead (Config::fecLookaheadMs) so that this is
// the usual case. Time stretching later brings the delay back. A timestamp gap between
// consecutive sequence numbers is DTX (the sender sent nothing in silence):
// filled with the decoder's comfort output and not counted as loss.
//
// The caller (the audio receive adapter) must:
//  - call insert for every Opus packet of the stream, with extended sequence
//    numbers and timestamps (RTP clock 48 kHz, RFC 7587) and its arrival time;
//  - call pull from the audio device's callback every 10 or 20 ms with the
//    samples it needs; pull always fills exactly that many.
// Time only enters as microsecond arguments of one monotonic clock. Memory is
// bounded by Config (packet store, histogram); nothing grows with the call.
// Not thread-safe: the caller serialises insert and pull (one mutex).
class AudioJitterBuffer {
 public:
  struct Config {
    int maxDelayMs = 200;     // cap of the target and of the delay itself
    size_t maxPackets = 100;  // packet store; oldest dropped beyond this
    // Speed up when the delay is this far above target, slow down at half this below.
    int stretchThresholdMs = 10;
    // When the next packet is not there, playout holds (concealing) for up
    // to this much beyond the target delay before giving the packet up: a
    // late packet then still plays, and the delay grows to meet the jitter.
    int lateWaitMs = 40;
    // While the stream carries in-band FEC (the sender expects loss), the
    // target delay grows by this much (one 20 ms packet) so that the packet
    // after a lost one is usually there when the lost one is due: its FEC
    // then replaces the loss instead of concealment (held or not). 0: off.
    int fecLookaheadMs = 20;
    DelayEstimator::Config delay;
  };

  // Durations in milliseconds of output (rounded down); counters since creation.
  struct Stats {
    uint64_t packetsReceived = 0;  // every insert call
    uint64_t packetsDecoded = 0;
    uint64_t duplicates = 0;
    uint64_t packetsLate = 0;       // arrived after their playout: discarded
    uint64_t packetsDiscarded = 0;  // store overflow, or dropped to respect the cap
    uint64_t packetsInvalid = 0;    // not an Opus packet, or out of range
    uint64_t packetsLost = 0;       // sequence numbers played out without their packet
    uint64_t fecRecovered = 0;      // lost packets recovered from the next one's FEC
    uint64_t restarts = 0;          // sequence numbers jumped: started over
    int64_t playedMs = 0;           // everything pull handed out after the start
    int64_t concealedMs = 0;        // PLC for lost or late packets
    int64_t fecRecoveredMs = 0;
    int64_t comfortMs = 0;      // DTX gaps (not loss)
    int64_t acceleratedMs = 0;  // removed by time stretching
    int64_t deceleratedMs = 0;  // added by time stretching
    int currentDelayMs = 0;     // of the first sample of the last pull
    int targetDelayMs = 0;     // the estimator's, plus the FEC look-ahead while on
    int jitterMs = 0;  // the quantile of the relative arrival delays
    size_t packetsBuffered = 0;
  };

  enum class InsertResult {
    kInserted,
    kDuplicate,
    kLate,     // its playout time has passed: discarded (counted)
    kInvalid,  // empty, not a parsable Opus packet, or sequence/timestamp out of range
  };

  static constexpr int kSampleRate = 48000;  // decoder, output and RTP clock rate

  AudioJitterBuffer();  // throws std::runtime_error if libopus fails
  explicit AudioJitterBuffer(const Config& config);
  AudioJitterBuffer(const AudioJitterBuffer&) = delete;
  AudioJitterBuffer& operator=(const AudioJitterBuffer&) = delete;

  InsertResult insert(int64_t sequence, int64_t rtpTimestamp, const uint8_t* payload, size_t size,
                      int64_t arrivalUs);
  // Fills pcm with exactly `samples` mono samples (silence before the first
  // packet is due). Returns samples, or kErrorInvalidArgument for a null
  // buffer or samples outside 1..5760 (120 ms).
  int pull(int16_t* pcm, int samples, int64_t nowUs);
  Stats stats() const;
  // Extended RTP timestamp of the next sample pull hands out (the last one
  // handed out is this minus one) while playing; nullopt before playout has
  // started, or after a restart until it starts again. During a held
  // concealment it stands still. For lip sync (the audio playout position).
  std::optional<int64_t> playoutTimestamp() const;

 private:
  struct Packet {
    int64_t timestamp;
    int samples;
    std::vector<uint8_t> payload;
  };

  void tryStart(int64_t nowUs);
  int64_t delayUs(int64_t nowUs) const;
  int64_t targetUs() const;  // the estimator's target plus the FEC look-ahead while on
  void enforceCap(int64_t nowUs);
  // Appends at least one sample to out_ (or consumes a late packet).
  void produce(int64_t nowUs, bool allowStretch);
  void decodePacket(const Packet& packet, int64_t nowUs, bool allowStretch);
  void conceal(int samples, int64_t* counter, bool advance = true);
  void resolveRun(bool consecutive, int64_t timestamp);
  void stretch(std::vector<int16_t>& frame, int64_t nowUs);
  void restart();
  static int64_t msOf(int64_t samples) { return samples / (kSampleRate / 1000); }

  Config config_;
  codec::OpusDecoder decoder_;
  DelayEstimator estimator_;
  std::map<int64_t, Packet> packets_;  // by extended sequence number
  std::array<int64_t, 512> seen_;      // recent sequence numbers, for duplicates
  std::deque<int16_t> out_;            // decoded, not yet pulled
  std::vector<int16_t> frame_;         // scratch
  bool started_ = false;
  std::optional<int64_t> lastFecArrivalUs_;  // of the last packet carrying FEC
  bool lookahead_ = false;                   // as of the last pull
  int64_t nextSeq_ = 0;
  int64_t nextTs_ = 0;      // timestamp just after out_'s last sample
  int frameSamples_ = 960;  // duration of the last decoded packet
  // Concealment while no packet was there: loss, lateness or DTX, which the
  // next packet tells apart.
  int64_t runStartTs_ = 0;
  int64_t runSamples_ = 0;
  int64_t heldSamples_ = 0;  // of the run, played without advancing nextTs_
  int64_t concealedSamples_ = 0;
  int64_t fecSamples_ = 0;
  int64_t comfortSamples_ = 0;
  int64_t playedSamples_ = 0;
  int64_t acceleratedSamples_ = 0;
  int64_t deceleratedSamples_ = 0;
  Stats counters_;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_AUDIO_JITTER_BUFFER_H
