// Parley media core: the public facade.
//
// This header is the only part of the native core that JavaCPP binds (see
// media-jni/src/main/java/org/parley/media/jni/ParleyCore.java). Everything
// behind it lives in native/src/<area>/ and may change freely; what is here is
// a contract with the Java side, versioned by PARLEY_API_VERSION.
//
// Threading: unless a method says otherwise, one object is used by one thread
// at a time; different objects may be used from different threads.
// Errors: constructors throw std::runtime_error (JavaCPP turns it into a Java
// RuntimeException with the same message); methods return negative codes.
#ifndef PARLEY_PARLEY_H
#define PARLEY_PARLEY_H

#include <cstdint>
#include <memory>

// The facade's contract version. Bump it whenever a declaration in this header
// changes; the Java binding carries the same number and refuses to run against
// a core built from a different one (see NativeLibrary.java).
#define PARLEY_API_VERSION 1

namespace parley {

namespace codec {
class Vp8Encoder;
class Vp8Decoder;
class OpusEncoder;
class OpusDecoder;
}  // namespace codec

// Facade version the core library was compiled with (PARLEY_API_VERSION at
// the time the core was built, which may differ from the header a caller was
// compiled with: that difference is what the load-time check detects).
int apiVersion();

// Version strings as the loaded libraries report them at run time. The
// returned pointers stay valid for the life of the process.
const char* coreVersion();
const char* vpxVersion();
const char* opusVersion();
const char* opencvVersion();

// Result codes shared by the codec wrappers.
enum ResultCode {
  kOk = 0,
  kErrorInvalidArgument = -1,
  kErrorBufferTooSmall = -2,
  kErrorCodec = -3,
  kErrorCorruptFrame = -4,
};

// Settings of a VP8 encoder. Defaults are the low-latency realtime settings
// Parley uses in calls: a fixed negative speed (libvpx's realtime budget mode
// would otherwise spend most of the frame interval encoding), one thread,
// error-resilient mode so a lost reference does not break later frames.
struct Vp8EncoderConfig {
  int width = 640;
  int height = 480;
  int fps = 30;
  int bitrateKbps = 800;
  int speed = -6;              // libvpx VP8E_SET_CPUUSED; negative = fixed speed
  int threads = 1;
  int keyframeInterval = 3000;  // frames between forced keyframes (max)
  bool errorResilient = true;
};

// VP8 encoder (libvpx, realtime deadline). Input is a tightly packed I420
// frame of config.width x config.height (Y plane, then U, then V).
class Vp8Encoder {
 public:
  explicit Vp8Encoder(const Vp8EncoderConfig& config);
  ~Vp8Encoder();
  Vp8Encoder(const Vp8Encoder&) = delete;
  Vp8Encoder& operator=(const Vp8Encoder&) = delete;

  // Encodes one frame. Writes the compressed frame to `out` and returns its
  // size in bytes, 0 if the encoder dropped the frame, or a negative
  // ResultCode. `ptsMs` is the capture time in milliseconds.
  int encode(const uint8_t* i420, int i420Size, int64_t ptsMs, bool forceKeyframe, uint8_t* out,
             int outCapacity);
  // True if the last frame encode() returned was a keyframe.
  bool lastFrameKeyframe() const;
  // Changes the target bitrate and frame rate mid-stream; returns a ResultCode.
  int setRates(int bitrateKbps, int fps);

 private:
  std::unique_ptr<codec::Vp8Encoder> impl_;
};

// VP8 decoder (libvpx). After decode() returns 1, the picture is available
// through width(), height() and copyI420() until the next decode() call.
class Vp8Decoder {
 public:
  explicit Vp8Decoder(int threads);
  ~Vp8Decoder();
  Vp8Decoder(const Vp8Decoder&) = delete;
  Vp8Decoder& operator=(const Vp8Decoder&) = delete;

  // Returns 1 if a picture was produced, 0 if none, or a negative ResultCode
  // (kErrorCorruptFrame: the caller should request a keyframe).
  int decode(const uint8_t* data, int size);
  int width() const;
  int height() const;
  // Copies the last picture as packed I420; returns the bytes written or a
  // negative ResultCode.
  int copyI420(uint8_t* out, int outCapacity) const;

 private:
  std::unique_ptr<codec::Vp8Decoder> impl_;
};

// Opus encoder (libopus, VoIP application). Input is interleaved 16-bit PCM.
class OpusAudioEncoder {
 public:
  OpusAudioEncoder(int sampleRate, int channels, int bitrateBps);
  ~OpusAudioEncoder();
  OpusAudioEncoder(const OpusAudioEncoder&) = delete;
  OpusAudioEncoder& operator=(const OpusAudioEncoder&) = delete;

  // Encodes one frame of `samplesPerChannel` samples (2.5 to 60 ms); returns
  // the packet size or a negative ResultCode.
  int encode(const int16_t* pcm, int samplesPerChannel, uint8_t* out, int outCapacity);

 private:
  std::unique_ptr<codec::OpusEncoder> impl_;
};

// Opus decoder (libopus). decode() with size 0 conceals one lost frame of
// `maxSamplesPerChannel` samples.
class OpusAudioDecoder {
 public:
  OpusAudioDecoder(int sampleRate, int channels);
  ~OpusAudioDecoder();
  OpusAudioDecoder(const OpusAudioDecoder&) = delete;
  OpusAudioDecoder& operator=(const OpusAudioDecoder&) = delete;

  // Returns decoded samples per channel or a negative ResultCode.
  int decode(const uint8_t* data, int size, int16_t* pcm, int maxSamplesPerChannel);

 private:
  std::unique_ptr<codec::OpusDecoder> impl_;
};

}  // namespace parley

#endif  // PARLEY_PARLEY_H
