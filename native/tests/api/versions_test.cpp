#include <gtest/gtest.h>

#include <string>

#include "parley/parley.h"

namespace parley {
namespace {

TEST(VersionsTest, ApiVersionMatchesHeader) { EXPECT_EQ(apiVersion(), PARLEY_API_VERSION); }

TEST(VersionsTest, CoreVersionIsTheBuildVersion) {
  EXPECT_STREQ(coreVersion(), PARLEY_EXPECTED_CORE_VERSION);
}

TEST(VersionsTest, LibrariesReportTheirOwnVersions) {
  // libvpx reports "v1.12.0" style strings, libopus "libopus 1.3.1", OpenCV "4.10.0".
  EXPECT_EQ(std::string(vpxVersion()).rfind('v', 0), 0u) << vpxVersion();
  EXPECT_EQ(std::string(opusVersion()).rfind("libopus ", 0), 0u) << opusVersion();
  EXPECT_EQ(std::string(opencvVersion()).rfind("4.", 0), 0u) << opencvVersion();
}

}  // namespace
}  // namespace parley
