#include "transport/rtp_packet_history.h"

#include <gtest/gtest.h>

#include "transport_test_util.h"

namespace parley::transport {
namespace {

using test::Bytes;
using test::makeRtp;

TEST(RtpPacketHistoryTest, ReturnsStoredCopyBySsrcAndSequence) {
  RtpPacketHistory history({1'000'000, 100});
  const Bytes a = makeRtp(1, 96, 10);
  const Bytes b = makeRtp(2, 96, 10);
  history.insert(1, 10, a.data(), a.size(), 0);
  history.insert(2, 10, b.data(), b.size(), 0);
  Bytes out;
  ASSERT_TRUE(history.get(1, 10, 1000, &out));
  EXPECT_EQ(out, a);
  ASSERT_TRUE(history.get(2, 10, 1000, &out));
  EXPECT_EQ(out, b);
  EXPECT_FALSE(history.get(1, 11, 1000, &out));
  EXPECT_FALSE(history.get(3, 10, 1000, &out));
}

TEST(RtpPacketHistoryTest, ExpiresAfterMaxAge) {
  RtpPacketHistory history({1'000'000, 100});
  const Bytes a = makeRtp(1, 96, 1);
  history.insert(1, 1, a.data(), a.size(), 0);
  Bytes out;
  EXPECT_TRUE(history.get(1, 1, 1'000'000, &out));   // exactly the age: kept
  EXPECT_FALSE(history.get(1, 1, 1'000'001, &out));  // older: gone
  EXPECT_EQ(history.size(), 0u);
}

TEST(RtpPacketHistoryTest, EvictsOldestBeyondMaxPackets) {
  RtpPacketHistory history({10'000'000, 3});
  for (uint16_t seq = 0; seq < 5; ++seq) {
    const Bytes p = makeRtp(1, 96, seq);
    history.insert(1, seq, p.data(), p.size(), seq);
  }
  Bytes out;
  EXPECT_EQ(history.size(), 3u);
  EXPECT_EQ(history.evicted(), 2u);
  EXPECT_FALSE(history.get(1, 0, 10, &out));
  EXPECT_FALSE(history.get(1, 1, 10, &out));
  EXPECT_TRUE(history.get(1, 2, 10, &out));
  EXPECT_TRUE(history.get(1, 4, 10, &out));
}

TEST(RtpPacketHistoryTest, ReinsertedSequenceReplacesAndSurvivesOldEntryEviction) {
  RtpPacketHistory history({10'000'000, 2});
  const Bytes first = makeRtp(1, 96, 7, 1);
  const Bytes second = makeRtp(1, 96, 7, 2);
  history.insert(1, 7, first.data(), first.size(), 0);
  history.insert(1, 7, second.data(), second.size(), 1);
  const Bytes other = makeRtp(1, 96, 8);
  history.insert(1, 8, other.data(), other.size(), 2);  // evicts the stale first copy
  Bytes out;
  ASSERT_TRUE(history.get(1, 7, 3, &out));
  EXPECT_EQ(out, second);
}

TEST(RtpPacketHistoryTest, EmptyInputIgnored) {
  RtpPacketHistory history({1'000'000, 10});
  history.insert(1, 1, nullptr, 0, 0);
  EXPECT_EQ(history.size(), 0u);
}

}  // namespace
}  // namespace parley::transport

namespace parley::transport {
namespace {

TEST(RtpPacketHistoryTest, ResendAtMostOncePerInterval) {
  RtpPacketHistory history({1'000'000, 100});
  const test::Bytes a = test::makeRtp(1, 96, 1);
  history.insert(1, 1, a.data(), a.size(), 0);
  test::Bytes out;
  using Resend = RtpPacketHistory::Resend;
  // Still queued for its first transmission: not resent.
  EXPECT_EQ(history.getForResend(1, 1, 5'000, 50'000, &out), Resend::kTooSoon);
  history.markSent(1, 1, 6'000);
  EXPECT_EQ(history.getForResend(1, 1, 10'000, 50'000, &out), Resend::kFound);
  EXPECT_EQ(out, a);
  EXPECT_EQ(history.getForResend(1, 1, 59'999, 50'000, &out), Resend::kTooSoon);
  EXPECT_EQ(history.getForResend(1, 1, 60'000, 50'000, &out), Resend::kFound);
  EXPECT_EQ(history.getForResend(1, 2, 60'000, 50'000, &out), Resend::kMissing);
}

}  // namespace
}  // namespace parley::transport
