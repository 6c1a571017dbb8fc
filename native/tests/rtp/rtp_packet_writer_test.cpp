// The RTP writer (RFC 3550 section 5.1): layout, round trips through the
// parser with CSRCs, RFC 8285 extensions and padding, and its errors.
#include <gtest/gtest.h>

#include <vector>

#include "rtp/rtp_header_extensions.h"
#include "rtp/rtp_packet.h"
#include "rtp_test_util.h"

namespace parley::rtp {
namespace {

using test::Bytes;
using test::ramp;

TEST(RtpPacketWriterTest, WritesTheRfc3550Layout) {
  RtpHeader header;
  header.marker = true;
  header.payloadType = 96;
  header.sequenceNumber = 0xfffe;
  header.timestamp = 0x89abcdef;
  header.ssrc = 0x01234567;
  header.csrcCount = 1;
  header.csrcs[0] = 0x0a0b0c0d;
  const Bytes payload = {0xf0, 0x0d};
  Bytes out;
  ASSERT_EQ(writeRtpPacket(header, payload, 4, &out), RtpWriteError::kOk);
  const Bytes expected = {0xa1, 0xe0, 0xff, 0xfe, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45,
                          0x67, 0x0a, 0x0b, 0x0c, 0x0d, 0xf0, 0x0d, 0x00, 0x00, 0x00, 0x04};
  EXPECT_EQ(out, expected);
}

TEST(RtpPacketWriterTest, RoundTripsExtensionsAndPadding) {
  for (const HeaderExtensionFormat format :
       {HeaderExtensionFormat::kOneByte, HeaderExtensionFormat::kTwoByte}) {
    for (const uint8_t padding : {uint8_t{0}, uint8_t{1}, uint8_t{7}, uint8_t{255}}) {
      HeaderExtensionBuilder extensions(format, 5);
      ASSERT_TRUE(extensions.add(3, Bytes{0x11, 0x22, 0x33}));
      ASSERT_TRUE(extensions.add(9, Bytes{0x44}));
      RtpHeader header;
      header.payloadType = 111;
      header.sequenceNumber = 65535;
      header.timestamp = 0xffffffff;
      header.ssrc = 42;
      header.csrcCount = 15;
      for (size_t i = 0; i < 15; ++i) header.csrcs[i] = static_cast<uint32_t>(i * 0x01010101);
      extensions.applyTo(&header);
      const Bytes payload = ramp(300);

      Bytes out;
      ASSERT_EQ(writeRtpPacket(header, payload, padding, &out), RtpWriteError::kOk);
      EXPECT_EQ(out.size(), rtpPacketSize(header, payload.size(), padding));
      RtpPacketView view;
      ASSERT_EQ(parseRtpPacket(out, &view), RtpParseError::kOk);
      EXPECT_EQ(view.header.payloadType, 111);
      EXPECT_EQ(view.header.sequenceNumber, 65535);
      EXPECT_EQ(view.header.timestamp, 0xffffffffu);
      EXPECT_EQ(view.header.ssrc, 42u);
      EXPECT_EQ(view.header.csrcCount, 15);
      EXPECT_EQ(view.header.csrcs, header.csrcs);
      EXPECT_EQ(view.header.extensionProfile, extensions.profile());
      EXPECT_EQ(view.header.extension.toVector(), extensions.body().toVector());
      EXPECT_EQ(view.payload.toVector(), payload);
      EXPECT_EQ(view.paddingSize, padding);
      const auto found = findHeaderExtension(view.header, 3);
      ASSERT_TRUE(found.has_value());
      EXPECT_EQ(found->toVector(), (Bytes{0x11, 0x22, 0x33}));
    }
  }
}

TEST(RtpPacketWriterTest, RejectsBadHeaders) {
  const Bytes payload = {1, 2, 3};
  Bytes out = {9};
  RtpHeader badType;
  badType.payloadType = 128;
  EXPECT_EQ(writeRtpPacket(badType, payload, 0, &out), RtpWriteError::kBadPayloadType);
  EXPECT_TRUE(out.empty());

  RtpHeader tooManyCsrcs;
  tooManyCsrcs.csrcCount = 16;
  EXPECT_EQ(writeRtpPacket(tooManyCsrcs, payload, 0, &out), RtpWriteError::kTooManyCsrcs);

  const Bytes threeOctets = {1, 2, 3};
  RtpHeader unaligned;
  unaligned.hasExtension = true;
  unaligned.extension = threeOctets;
  EXPECT_EQ(writeRtpPacket(unaligned, payload, 0, &out), RtpWriteError::kBadExtensionSize);
}

TEST(RtpPacketWriterTest, ChecksTheCallersCapacity) {
  RtpHeader header;
  const Bytes payload = ramp(10);
  uint8_t buffer[32] = {};
  size_t written = 0;
  EXPECT_EQ(writeRtpPacket(header, payload, 2, buffer, 23, &written),
            RtpWriteError::kBufferTooSmall);
  ASSERT_EQ(writeRtpPacket(header, payload, 2, buffer, 24, &written), RtpWriteError::kOk);
  EXPECT_EQ(written, 24u);
  EXPECT_EQ(buffer[23], 2);
  EXPECT_EQ(writeRtpPacket(header, payload, 0, nullptr, 100, &written),
            RtpWriteError::kBufferTooSmall);
}

}  // namespace
}  // namespace parley::rtp
