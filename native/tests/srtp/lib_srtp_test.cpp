#include "srtp/lib_srtp.h"

#include <gtest/gtest.h>
#include <srtp2/srtp.h>

#include <string>
#include <thread>
#include <vector>

namespace parley::srtp {
namespace {

TEST(LibSrtpTest, FirstReferenceInitialisesAndLastShutsDown) {
  EXPECT_EQ(LibSrtp::referenceCount(), 0);
  {
    LibSrtp::Reference first;
    ASSERT_TRUE(first.ok()) << LibSrtp::errorName(first.status());
    EXPECT_EQ(LibSrtp::referenceCount(), 1);
    {
      LibSrtp::Reference second;
      EXPECT_TRUE(second.ok());
      EXPECT_EQ(LibSrtp::referenceCount(), 2);
    }
    EXPECT_EQ(LibSrtp::referenceCount(), 1);
  }
  EXPECT_EQ(LibSrtp::referenceCount(), 0);
  // And again after a shutdown.
  LibSrtp::Reference again;
  EXPECT_TRUE(again.ok());
  EXPECT_EQ(LibSrtp::referenceCount(), 1);
}

TEST(LibSrtpTest, ReferencesFromManyThreads) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([] {
      for (int i = 0; i < 200; ++i) {
        LibSrtp::Reference reference;
        EXPECT_TRUE(reference.ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(LibSrtp::referenceCount(), 0);
}

TEST(LibSrtpTest, ErrorNames) {
  EXPECT_EQ(std::string(LibSrtp::errorName(srtp_err_status_ok)), "ok");
  EXPECT_EQ(std::string(LibSrtp::errorName(srtp_err_status_auth_fail)), "auth_fail");
  EXPECT_EQ(std::string(LibSrtp::errorName(srtp_err_status_replay_fail)), "replay_fail");
  EXPECT_EQ(std::string(LibSrtp::errorName(srtp_err_status_replay_old)), "replay_old");
  EXPECT_EQ(std::string(LibSrtp::errorName(srtp_err_status_pkt_idx_adv)), "pkt_idx_adv");
  EXPECT_EQ(std::string(LibSrtp::errorName(1000)), "unknown");
  EXPECT_EQ(std::string(LibSrtp::errorName(-1)), "unknown");
}

TEST(LibSrtpTest, VersionIsTwoPointSomething) {
  EXPECT_NE(std::string(LibSrtp::version()).find("2."), std::string::npos) << LibSrtp::version();
}

}  // namespace
}  // namespace parley::srtp
