// Audio level of a PCM stream, frame by frame: RMS in dBFS, the RFC 6464
// 0..127 (-dBov) code, and a peak-held 0..100 level for a meter bar.
#ifndef PARLEY_AUDIO_LEVEL_METER_H
#define PARLEY_AUDIO_LEVEL_METER_H

#include <cstddef>
#include <cstdint>

namespace parley::audio {

// Measures each frame handed to update() (mono 16-bit PCM, typically 10 or
// 20 ms at 48 kHz):
//  - dBFS: 20*log10(RMS / 32768). Full scale is a full-scale square wave, so
//    a full-scale sine reads -3.01 dBFS; digital silence reads kFloorDbfs.
//  - RFC 6464 section 3 level: "the magnitude of the audio level ... in
//    -dBov", 0 (loudest) .. 127 (silence), with dBov relative to the
//    overload point of the system (here the same full scale as dBFS).
//  - level 0..100 (what a call UI shows, like WebRTC's audio level): the dBFS
//    value mapped linearly from kFloorMeterDbfs..0 to 0..100, held at its peak
//    and then decaying by decayDbPerSecond, so short syllables stay visible.
// Time enters only through the duration of the frames (sampleRate), so no
// clock is needed. Not thread-safe: the owner serialises update and reads.
class LevelMeter {
 public:
  static constexpr double kFloorDbfs = -127.0;      // silence
  static constexpr double kFloorMeterDbfs = -60.0;  // level 0 at and below this

  explicit LevelMeter(int sampleRate = 48000, double decayDbPerSecond = 20.0);

  // Measures one frame. A null or empty frame is ignored.
  void update(const int16_t* pcm, size_t samples);
  void reset();

  // Of the last frame.
  double lastDbfs() const { return lastDbfs_; }
  // RFC 6464 code of the last frame: round(-dBov) clamped to 0..127.
  int rfc6464Level() const;
  // Peak-held meter level, 0..100.
  int level() const;
  double heldDbfs() const { return heldDbfs_; }

  // The dBFS of the RMS of `samples` samples (kFloorDbfs for silence or none).
  static double rmsDbfs(const int16_t* pcm, size_t samples);

 private:
  int sampleRate_;
  double decayDbPerSecond_;
  double lastDbfs_ = kFloorDbfs;
  double heldDbfs_ = kFloorDbfs;
};

}  // namespace parley::audio

#endif  // PARLEY_AUDIO_LEVEL_METER_H
