#include "transport/rtp_rtcp_demuxer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "transport_test_util.h"

namespace parley::transport {
namespace {

using test::Bytes;
using test::makeRtp;
using Kind = RtpRtcpDemuxer::Kind;

Bytes rtcpRr() { return {0x80, 201, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01}; }

struct Case {
  std::string name;
  Bytes packet;
  Kind kind;
  size_t stream;
};

// Streams: 0 = video SSRC 0x1111 PT 96 with RTX 0x2222 PT 97;
//          1 = audio PT 111, SSRC bound on first sight.
TEST(RtpRtcpDemuxerTest, ClassifiesTable) {
  RtpRtcpDemuxer demuxer;
  demuxer.addStream(0x1111, 96, 0x2222, 97, true);
  demuxer.addStream(0, 111, 0, 0, false);
  const std::vector<Case> cases = {
      {"rtcp receiver report", rtcpRr(), Kind::kRtcp, 0},
      {"video media", makeRtp(0x1111, 96, 1), Kind::kMedia, 0},
      {"video rtx", makeRtp(0x2222, 97, 1), Kind::kRtx, 0},
      {"known ssrc, wrong pt", makeRtp(0x1111, 100, 2), Kind::kUnknown, 0},
      {"audio binds first ssrc", makeRtp(0xA0A0, 111, 5), Kind::kMedia, 1},
      {"audio bound ssrc again", makeRtp(0xA0A0, 111, 6), Kind::kMedia, 1},
      {"second audio ssrc refused", makeRtp(0xB0B0, 111, 6), Kind::kUnknown, 0},
      {"unknown ssrc and pt", makeRtp(0x9999, 120, 1), Kind::kUnknown, 0},
      {"too short", Bytes{0x80, 96, 0}, Kind::kMalformed, 0},
      {"version 1", Bytes{0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0x11, 0x11}, Kind::kMalformed, 0},
      {"rtcp-range pt, bad version", Bytes{0x40, 200, 0, 1, 0, 0, 0, 0}, Kind::kMalformed, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const RtpRtcpDemuxer::Route route = demuxer.classify(c.packet.data(), c.packet.size());
    EXPECT_EQ(route.kind, c.kind);
    if (c.kind == Kind::kMedia || c.kind == Kind::kRtx) {
      EXPECT_EQ(route.stream, c.stream);
    }
  }
  EXPECT_EQ(demuxer.streamSsrc(1), 0xA0A0u);
  const RtpRtcpDemuxer::Stats& stats = demuxer.stats();
  EXPECT_EQ(stats.rtcp, 1u);
  EXPECT_EQ(stats.media, 3u);
  EXPECT_EQ(stats.rtx, 1u);
  EXPECT_EQ(stats.unknownPayloadType, 1u);
  EXPECT_EQ(stats.unknownSsrc, 2u);
  EXPECT_EQ(stats.malformed, 3u);
}

TEST(RtpRtcpDemuxerTest, BindsRtxSsrcOnFirstSight) {
  RtpRtcpDemuxer demuxer;
  demuxer.addStream(0, 96, 0, 97, true);
  Bytes media = makeRtp(0x10, 96, 1);
  Bytes rtx = makeRtp(0x20, 97, 1);
  EXPECT_EQ(demuxer.classify(media.data(), media.size()).kind, Kind::kMedia);
  EXPECT_EQ(demuxer.classify(rtx.data(), rtx.size()).kind, Kind::kRtx);
  EXPECT_EQ(demuxer.streamSsrc(0), 0x10u);
  EXPECT_EQ(demuxer.streamRtxSsrc(0), 0x20u);
  // The media SSRC cannot be taken as RTX (nor the other way round).
  Bytes confused = makeRtp(0x10, 97, 2);
  EXPECT_EQ(demuxer.classify(confused.data(), confused.size()).kind, Kind::kUnknown);
}

}  // namespace
}  // namespace parley::transport
