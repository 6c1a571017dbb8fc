#include "transport/rtx.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rtp/rtp_header_extensions.h"
#include "transport/abs_send_time_stamper.h"
#include "transport_test_util.h"

namespace parley::transport {
namespace {

using test::Bytes;
using test::makeRtp;

TEST(RtxTest, WrapFollowsRfc4588Layout) {
  const Bytes original = makeRtp(0x11111111, 96, 0xABCD, 90000, 4, true);
  Bytes rtx;
  ASSERT_TRUE(wrapRtx(original.data(), original.size(), 0x22222222, 97, 5, &rtx));
  rtp::RtpPacketView view;
  ASSERT_EQ(rtp::parseRtpPacket(rtp::ByteView(rtx), &view), rtp::RtpParseError::kOk);
  EXPECT_EQ(view.header.ssrc, 0x22222222u);
  EXPECT_EQ(view.header.payloadType, 97);
  EXPECT_EQ(view.header.sequenceNumber, 5);
  EXPECT_EQ(view.header.timestamp, 90000u);
  EXPECT_TRUE(view.header.marker);
  ASSERT_EQ(view.payload.size(), 2u + 4u);
  EXPECT_EQ(view.payload[0], 0xAB);  // OSN, network order
  EXPECT_EQ(view.payload[1], 0xCD);
  EXPECT_EQ(rtx.size(), original.size() + 2);
}

TEST(RtxTest, RoundTripRestoresOriginalBytes) {
  for (uint16_t seq : {0, 1, 0x7FFF, 0xFFFF}) {
    SCOPED_TRACE(seq);
    const Bytes original = makeRtp(0x1234, 96, seq, 42, 100);
    Bytes rtx;
    Bytes restored;
    ASSERT_TRUE(wrapRtx(original.data(), original.size(), 0x5678, 97, 9, &rtx));
    ASSERT_EQ(unwrapRtx(rtx.data(), rtx.size(), 0x1234, 96, &restored), RtxUnwrapError::kOk);
    EXPECT_EQ(restored, original);
  }
}

TEST(RtxTest, KeepsHeaderExtensions) {
  rtp::HeaderExtensionBuilder builder(rtp::HeaderExtensionFormat::kOneByte);
  const uint8_t data[2] = {1, 2};
  ASSERT_TRUE(builder.add(5, rtp::ByteView(data, 2)));
  rtp::RtpHeader header;
  header.ssrc = 1;
  header.payloadType = 96;
  header.sequenceNumber = 3;
  builder.applyTo(&header);
  Bytes original;
  const Bytes payload = {9, 9, 9};
  ASSERT_EQ(rtp::writeRtpPacket(header, rtp::ByteView(payload), 0, &original),
            rtp::RtpWriteError::kOk);
  Bytes rtx, restored;
  ASSERT_TRUE(wrapRtx(original.data(), original.size(), 2, 97, 1, &rtx));
  ASSERT_EQ(unwrapRtx(rtx.data(), rtx.size(), 1, 96, &restored), RtxUnwrapError::kOk);
  EXPECT_EQ(restored, original);
}

struct UnwrapCase {
  std::string name;
  Bytes packet;
  RtxUnwrapError expected;
};

TEST(RtxTest, UnwrapRejectsMalformedTable) {
  const std::vector<UnwrapCase> cases = {
      {"empty", Bytes{}, RtxUnwrapError::kMalformedRtp},
      {"header only, no osn", makeRtp(2, 97, 1, 0, 0), RtxUnwrapError::kNoOsn},
      {"one payload octet", makeRtp(2, 97, 1, 0, 1), RtxUnwrapError::kNoOsn},
      {"bad version", Bytes{0x00, 97, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1},
       RtxUnwrapError::kMalformedRtp},
      {"truncated header", Bytes{0x80, 97, 0, 1, 0}, RtxUnwrapError::kMalformedRtp},
      {"osn only", makeRtp(2, 97, 1, 0, 2), RtxUnwrapError::kOk},
  };
  for (const UnwrapCase& c : cases) {
    SCOPED_TRACE(c.name);
    Bytes out;
    EXPECT_EQ(unwrapRtx(c.packet.data(), c.packet.size(), 1, 96, &out), c.expected);
  }
  Bytes out;
  EXPECT_FALSE(wrapRtx(nullptr, 0, 1, 2, 3, &out));
}

TEST(AbsSendTimeStamperTest, AddsThenOverwritesInPlace) {
  Bytes packet = makeRtp(1, 96, 1, 0, 10);
  const Bytes payloadBefore(packet.end() - 10, packet.end());
  ASSERT_TRUE(stampAbsSendTime(&packet, 3, 0x123456));
  uint32_t value = 0;
  ASSERT_TRUE(readAbsSendTime(packet.data(), packet.size(), 3, &value));
  EXPECT_EQ(value, 0x123456u);
  const size_t sizeAfterAdd = packet.size();
  ASSERT_TRUE(stampAbsSendTime(&packet, 3, 0xABCDEF));
  EXPECT_EQ(packet.size(), sizeAfterAdd);
  ASSERT_TRUE(readAbsSendTime(packet.data(), packet.size(), 3, &value));
  EXPECT_EQ(value, 0xABCDEFu);
  EXPECT_EQ(Bytes(packet.end() - 10, packet.end()), payloadBefore);
}

TEST(AbsSendTimeStamperTest, KeepsOtherElementsAndRejectsGarbage) {
  rtp::HeaderExtensionBuilder builder(rtp::HeaderExtensionFormat::kOneByte);
  const uint8_t level[1] = {0x7F};
  ASSERT_TRUE(builder.add(1, rtp::ByteView(level, 1)));
  rtp::RtpHeader header;
  header.payloadType = 111;
  builder.applyTo(&header);
  Bytes packet;
  const Bytes payload = {1, 2, 3};
  ASSERT_EQ(rtp::writeRtpPacket(header, rtp::ByteView(payload), 0, &packet),
            rtp::RtpWriteError::kOk);
  ASSERT_TRUE(stampAbsSendTime(&packet, 3, 7));
  rtp::RtpPacketView view;
  ASSERT_EQ(rtp::parseRtpPacket(rtp::ByteView(packet), &view), rtp::RtpParseError::kOk);
  auto kept = rtp::findHeaderExtension(view.header, 1);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ((*kept)[0], 0x7F);
  EXPECT_EQ(view.payload.toVector(), payload);

  Bytes garbage = {1, 2, 3};
  EXPECT_FALSE(stampAbsSendTime(&garbage, 3, 7));
  EXPECT_EQ(garbage, (Bytes{1, 2, 3}));
}

}  // namespace
}  // namespace parley::transport
