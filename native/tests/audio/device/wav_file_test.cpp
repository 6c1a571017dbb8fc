// WAV writer -> reader round trips, downmix, looping, and the WAV-file
// devices (source and sink) on a fake clock.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "audio/device/audio_devices.h"
#include "audio/device/fake_audio_device.h"
#include "audio/device/wav_file_reader.h"
#include "audio/device/wav_file_sink.h"
#include "audio/device/wav_file_source.h"
#include "audio/device/wav_file_writer.h"
#include "audio/device/wav_format.h"

namespace parley::audio::test {
namespace {

// A file name in the temp directory, removed at the end of the test.
class TempFile {
 public:
  explicit TempFile(const std::string& stem)
      : path_(testing::TempDir() + "/parley_" + stem + "_" + std::to_string(::getpid()) + ".wav") {}
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<uint8_t> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

void writeBytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
}

// A stereo 16-bit file whose left/right samples are given.
std::vector<uint8_t> stereoFile(int rate, const std::vector<std::pair<int16_t, int16_t>>& frames) {
  std::vector<uint8_t> bytes = writeWavHeader(2, rate, static_cast<uint32_t>(frames.size() * 4));
  for (const auto& [left, right] : frames) {
    for (int16_t v : {left, right}) {
      bytes.push_back(static_cast<uint8_t>(static_cast<uint16_t>(v)));
      bytes.push_back(static_cast<uint8_t>(static_cast<uint16_t>(v) >> 8));
    }
  }
  return bytes;
}

TEST(WavFileTest, WriteThenReadRoundTripsEverySample) {
  TempFile file("roundtrip");
  std::vector<int16_t> samples(2000);
  for (size_t i = 0; i < samples.size(); ++i) {
    samples[i] =
        static_cast<int16_t>(static_cast<int>(i * 37) % 65536 - 32768);  // full range, both signs
  }
  std::string error;
  {
    auto writer = WavFileWriter::open(file.path(), 48000, &error);
    ASSERT_NE(writer, nullptr) << error;
    ASSERT_TRUE(writer->write(samples.data(), 1500));
    ASSERT_TRUE(writer->write(samples.data() + 1500, 500));
    EXPECT_EQ(writer->samplesWritten(), 2000u);
    EXPECT_TRUE(writer->close());
    EXPECT_FALSE(writer->write(samples.data(), 1));  // closed
  }
  const std::vector<uint8_t> bytes = readAll(file.path());
  ASSERT_EQ(bytes.size(), 44u + 4000u);
  WavFormat format;
  ASSERT_TRUE(parseWavHeader(bytes.data(), bytes.size(), &format, &error)) << error;
  EXPECT_EQ(format.dataBytes, 4000u);  // sizes fixed up on close

  auto reader = WavFileReader::open(file.path(), &error);
  ASSERT_NE(reader, nullptr) << error;
  EXPECT_EQ(reader->format().channels, 1);
  EXPECT_EQ(reader->format().sampleRate, 48000);
  EXPECT_EQ(reader->totalFrames(), 2000u);
  std::vector<int16_t> back(2100, 1234);
  EXPECT_EQ(reader->read(back.data(), back.size(), false), 2000u);
  EXPECT_TRUE(std::equal(samples.begin(), samples.end(), back.begin()));
  EXPECT_EQ(reader->read(back.data(), 10, false), 0u);  // at the end
}

TEST(WavFileTest, StereoIsMixedDownAndLoops) {
  TempFile file("stereo");
  writeBytes(file.path(),
             stereoFile(48000, {{100, 300}, {-100, -300}, {32767, 32767}, {-32768, 32767}}));
  std::string error;
  auto reader = WavFileReader::open(file.path(), &error);
  ASSERT_NE(reader, nullptr) << error;
  std::vector<int16_t> out(10);
  ASSERT_EQ(reader->read(out.data(), out.size(), true), 10u);
  EXPECT_EQ(out, (std::vector<int16_t>{200, -200, 32767, 0, 200, -200, 32767, 0, 200, -200}));
}

TEST(WavFileTest, DataCutShortByTheFileIsReadUpToTheEnd) {
  TempFile file("short");
  std::vector<uint8_t> bytes = writeWavHeader(1, 48000, 1000);               // declares 500 samples
  for (int i = 0; i < 6; ++i) bytes.push_back(static_cast<uint8_t>(i + 1));  // has 3
  writeBytes(file.path(), bytes);
  std::string error;
  auto reader = WavFileReader::open(file.path(), &error);
  ASSERT_NE(reader, nullptr) << error;
  EXPECT_EQ(reader->totalFrames(), 3u);
  std::vector<int16_t> out(8);
  EXPECT_EQ(reader->read(out.data(), out.size(), false), 3u);
  EXPECT_EQ(out[0], 0x0201);
  EXPECT_EQ(out[2], 0x0605);
}

struct OpenFailure {
  const char* name;
  std::vector<uint8_t> bytes;  // empty: no file at all
  const char* reason;
};

TEST(WavFileTest, WavSourceRejectsWhatItCannotPlay) {
  const OpenFailure cases[] = {
      {"missing file", {}, "cannot open WAV file"},
      {"not a WAV file",
       {'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '!', '!'},
       "not a RIFF file"},
      {"44.1 kHz", stereoFile(44100, {{1, 1}}), "is 44100 Hz; audio files must be 48000 Hz"},
      {"no samples", writeWavHeader(1, 48000, 0), "WAV file has no samples"},
  };
  for (const OpenFailure& c : cases) {
    SCOPED_TRACE(c.name);
    TempFile file("reject");
    if (!c.bytes.empty()) writeBytes(file.path(), c.bytes);
    std::string error;
    EXPECT_EQ(WavFileAudioInput::open(file.path(), true, 20, &error), nullptr);
    EXPECT_NE(error.find(c.reason), std::string::npos) << error;
    EXPECT_NE(error.find(file.path()), std::string::npos) << error;  // says which file
  }
}

TEST(WavFileTest, WavSourcePlaysTheFileAtFramePaceThenSilence) {
  TempFile file("source");
  std::vector<uint8_t> bytes = writeWavHeader(1, 48000, 3 * 480 * 2);  // 1.5 frames of 20 ms
  for (int i = 0; i < 3 * 480; ++i) {
    bytes.push_back(static_cast<uint8_t>(i % 100 + 1));
    bytes.push_back(0);
  }
  writeBytes(file.path(), bytes);
  AtomicFakeClock clock;
  const int64_t startUs = clock.nowUs();
  std::string error;
  auto input = openAudioInput(AudioInputSpec::wav(file.path(), /*loop=*/false), &error, clock);
  ASSERT_NE(input, nullptr) << error;
  EXPECT_EQ(input->name(), "WAV file " + file.path());
  RecordingCaptureSink sink;
  ASSERT_TRUE(input->start(sink, &error)) << error;
  ASSERT_TRUE(sink.waitForFrames(1));  // frame 0 is due at start
  clock.advanceMs(20);
  ASSERT_TRUE(sink.waitForFrames(2));
  clock.advanceMs(20);
  ASSERT_TRUE(sink.waitForFrames(3));
  input->stop();
  const auto frames = sink.frames();
  ASSERT_EQ(frames.size(), 3u);  // no tick without the clock moving
  EXPECT_EQ(frames[0][0], 1);
  EXPECT_EQ(frames[0][959], 959 % 100 + 1);
  EXPECT_EQ(frames[1][0], 960 % 100 + 1);
  EXPECT_EQ(frames[1][479], 1439 % 100 + 1);
  EXPECT_EQ(frames[1][480], 0);  // the file ended: silence
  EXPECT_EQ(frames[2], std::vector<int16_t>(960, 0));
  EXPECT_EQ(sink.times(), (std::vector<int64_t>{startUs, startUs + 20'000, startUs + 40'000}));
  EXPECT_TRUE(static_cast<WavFileAudioInput*>(input.get())->endOfFile());
}

TEST(WavFileTest, WavSinkRecordsWhatItPullsAndFixesTheHeader) {
  TempFile file("sink");
  AtomicFakeClock clock;
  std::string error;
  auto output = openAudioOutput(AudioOutputSpec::wav(file.path()), &error, clock);
  ASSERT_NE(output, nullptr) << error;
  EXPECT_EQ(output->frameMs(), 20);
  CountingRenderSource source;
  ASSERT_TRUE(output->start(source, &error)) << error;
  for (size_t pulls = 1; pulls <= 4; ++pulls) {
    ASSERT_TRUE(source.waitForPulls(pulls));
    clock.advanceMs(20);
  }
  ASSERT_TRUE(source.waitForPulls(5));
  output->stop();
  const size_t pulled = source.times().size();
  EXPECT_EQ(pulled, 5u);

  auto reader = WavFileReader::open(file.path(), &error);
  ASSERT_NE(reader, nullptr) << error;
  EXPECT_EQ(reader->format().sampleRate, 48000);
  EXPECT_EQ(reader->format().channels, 1);
  ASSERT_EQ(reader->totalFrames(), pulled * 960);
  std::vector<int16_t> all(pulled * 960);
  ASSERT_EQ(reader->read(all.data(), all.size(), false), all.size());
  for (size_t frame = 0; frame < pulled; ++frame) {
    EXPECT_EQ(all[frame * 960], static_cast<int16_t>(frame + 1));
    EXPECT_EQ(all[frame * 960 + 959], static_cast<int16_t>(frame + 1));
  }
}

TEST(WavFileTest, WavSinkReportsAFileItCannotCreate) {
  std::string error;
  EXPECT_EQ(openAudioOutput(AudioOutputSpec::wav("/nonexistent-dir/x.wav"), &error), nullptr);
  EXPECT_NE(error.find("cannot create WAV file \"/nonexistent-dir/x.wav\""), std::string::npos)
      << error;
}

}  // namespace
}  // namespace parley::audio::test
