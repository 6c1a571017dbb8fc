// Writes the seed corpus of the fuzz targets: a few valid RTP packets built
// with the project's own payloader, sequencer and writer, covering CSRCs,
// both RFC 8285 extension forms, padding and every VP8 descriptor field.
//
//   fuzz_seed_corpus_generator <output folder>
//
// scripts/native-fuzz.sh does not run it; the seeds it wrote are committed in
// native/fuzz/corpus/<target>/. Rerun it (into each target's folder) after
// changing the formats.
#include <cstdio>
#include <string>
#include <vector>

#include "rtp/rtp_header_extensions.h"
#include "rtp/rtp_packet.h"
#include "rtp/rtp_sequencer.h"
#include "rtp/vp8_payload_descriptor.h"
#include "rtp/vp8_payloader.h"

namespace {

using parley::rtp::ByteView;
using Bytes = std::vector<uint8_t>;

bool save(const std::string& folder, const std::string& name, const Bytes& bytes) {
  const std::string path = folder + "/" + name;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    std::perror(path.c_str());
    return false;
  }
  const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  return std::fclose(file) == 0 && ok;
}

// A small VP8 key frame: a valid tag and key frame header (64x48), then filler.
Bytes keyframe(size_t size) {
  Bytes out = {0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a, 0x40, 0x00, 0x30, 0x00};
  for (size_t i = out.size(); i < size; ++i) out.push_back(static_cast<uint8_t>(i * 37));
  return out;
}

Bytes interframe(size_t size) {
  Bytes out = {0x31, 0x01, 0x00};
  for (size_t i = out.size(); i < size; ++i) out.push_back(static_cast<uint8_t>(i * 11));
  return out;
}

Bytes packet(const parley::rtp::RtpHeader& header, const Bytes& payload, uint8_t padding = 0) {
  Bytes out;
  parley::rtp::writeRtpPacket(header, payload, padding, &out);
  return out;
}

Bytes withDescriptor(const parley::rtp::Vp8PayloadDescriptor& d, const Bytes& vp8) {
  Bytes out(parley::rtp::vp8PayloadDescriptorSize(d));
  parley::rtp::writeVp8PayloadDescriptor(d, out.data(), out.size());
  out.insert(out.end(), vp8.begin(), vp8.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <output folder>\n", argv[0]);
    return 2;
  }
  const std::string folder = argv[1];
  bool ok = true;

  // A key frame of three packets and a one-packet interframe, as sent.
  parley::rtp::Vp8PayloaderConfig payloaderConfig;
  payloaderConfig.maxPayloadSize = 120;
  payloaderConfig.firstPictureId = 0x7fff;
  parley::rtp::Vp8Payloader payloader(payloaderConfig);
  parley::rtp::RtpSequencerConfig sequencerConfig;
  sequencerConfig.ssrc = 0x5eed5eed;
  sequencerConfig.firstSequenceNumber = 65534;
  sequencerConfig.timestampOffset = 0xfffff000u;
  parley::rtp::RtpSequencer sequencer(sequencerConfig);
  const auto key = sequencer.packetize(payloader.payload(ByteView(keyframe(300))).payloads, 0);
  for (size_t i = 0; i < key.size(); ++i) {
    ok &= save(folder, "vp8_keyframe_packet" + std::to_string(i) + ".rtp", key[i]);
  }
  const auto inter =
      sequencer.packetize(payloader.payload(ByteView(interframe(60))).payloads, 33'333);
  ok &= save(folder, "vp8_interframe.rtp", inter.at(0));

  parley::rtp::RtpHeader header;
  header.payloadType = 96;
  header.sequenceNumber = 4711;
  header.timestamp = 90000;
  header.ssrc = 0x01020304;
  header.marker = true;

  // Every descriptor field: N, PID, 7-bit PictureID, TL0PICIDX, TID/Y, KEYIDX.
  parley::rtp::Vp8PayloadDescriptor d;
  d.nonReference = true;
  d.startOfPartition = true;
  d.partitionIndex = 0;
  d.hasPictureId = true;
  d.longPictureId = false;
  d.pictureId = 17;
  d.hasTl0PicIdx = true;
  d.tl0PicIdx = 9;
  d.hasTid = true;
  d.tid = 2;
  d.layerSync = true;
  d.hasKeyIdx = true;
  d.keyIdx = 5;
  ok &= save(folder, "vp8_all_descriptor_fields.rtp",
             packet(header, withDescriptor(d, interframe(20))));
  parley::rtp::Vp8PayloadDescriptor minimal;
  minimal.startOfPartition = true;
  ok &= save(folder, "vp8_minimal_descriptor_keyframe.rtp",
             packet(header, withDescriptor(minimal, keyframe(24))));

  // CSRCs, a one-byte extension and padding.
  parley::rtp::RtpHeader mixed = header;
  mixed.csrcCount = 2;
  mixed.csrcs[0] = 0xaaaaaaaa;
  mixed.csrcs[1] = 0xbbbbbbbb;
  parley::rtp::HeaderExtensionBuilder oneByte(parley::rtp::HeaderExtensionFormat::kOneByte);
  oneByte.add(1, Bytes{0x12, 0x34, 0x56});  // e.g. abs-send-time
  oneByte.add(3, Bytes{0x01, 0x02});        // e.g. transport-wide sequence number
  oneByte.applyTo(&mixed);
  ok &= save(folder, "csrc_one_byte_extension_padding.rtp",
             packet(mixed, withDescriptor(minimal, interframe(16)), 4));

  // A two-byte extension with an empty element and a long one.
  parley::rtp::RtpHeader twoByteHeader = header;
  parley::rtp::HeaderExtensionBuilder twoByte(parley::rtp::HeaderExtensionFormat::kTwoByte, 2);
  twoByte.add(1, Bytes{});
  twoByte.add(200, Bytes(20, 0x5a));
  twoByte.applyTo(&twoByteHeader);
  ok &= save(folder, "two_byte_extension.rtp",
             packet(twoByteHeader, withDescriptor(minimal, interframe(8))));

  // An Opus-like packet (no VP8 descriptor semantics) and a padding-only probe.
  parley::rtp::RtpHeader opus = header;
  opus.payloadType = 111;
  ok &= save(folder, "opus_like.rtp", packet(opus, Bytes{0xfc, 0xff, 0xfe, 0x01, 0x02}));
  ok &= save(folder, "padding_only.rtp", packet(header, Bytes{}, 200));

  return ok ? 0 : 1;
}
