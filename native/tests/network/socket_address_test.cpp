#include "network/socket_address.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace parley::network {
namespace {

struct ParseCase {
  std::string name;
  std::string text;
  bool valid;
  SocketAddress::Family family;
  uint16_t port;
  std::string formatted;  // toString() of the result
};
void PrintTo(const ParseCase& c, std::ostream* os) { *os << c.name; }

class NetworkSocketAddressParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(NetworkSocketAddressParseTest, ParsesAndFormats) {
  const ParseCase& c = GetParam();
  std::optional<SocketAddress> address = SocketAddress::parse(c.text);
  ASSERT_EQ(address.has_value(), c.valid) << c.text;
  if (!c.valid) return;
  EXPECT_EQ(address->family(), c.family);
  EXPECT_EQ(address->port(), c.port);
  EXPECT_EQ(address->toString(), c.formatted);
  // Formatting round-trips.
  EXPECT_EQ(SocketAddress::parse(address->toString()), address);
}

using F = SocketAddress::Family;
INSTANTIATE_TEST_SUITE_P(
    Cases, NetworkSocketAddressParseTest,
    ::testing::Values(
        ParseCase{"Ipv4WithPort", "127.0.0.1:5000", true, F::kIpv4, 5000, "127.0.0.1:5000"},
        ParseCase{"Ipv4NoPort", "10.1.2.3", true, F::kIpv4, 0, "10.1.2.3:0"},
        ParseCase{"Ipv4MaxPort", "255.255.255.255:65535", true, F::kIpv4, 65535,
                  "255.255.255.255:65535"},
        ParseCase{"Ipv6Loopback", "[::1]:5000", true, F::kIpv6, 5000, "[::1]:5000"},
        ParseCase{"Ipv6Bare", "::1", true, F::kIpv6, 0, "[::1]:0"},
        ParseCase{"Ipv6Any", "[::]:9", true, F::kIpv6, 9, "[::]:9"},
        // RFC 5952: lowercase, leading zeros dropped, longest zero run compressed.
        ParseCase{"Ipv6Canonical", "[2001:0DB8:0000:0000:0001:0000:0000:0001]:1", true, F::kIpv6, 1,
                  "[2001:db8::1:0:0:1]:1"},
        ParseCase{"Ipv6Full", "[1:2:3:4:5:6:7:8]:80", true, F::kIpv6, 80, "[1:2:3:4:5:6:7:8]:80"},
        ParseCase{"Ipv6SingleZeroNotCompressed", "[1:0:3:4:5:6:7:8]:1", true, F::kIpv6, 1,
                  "[1:0:3:4:5:6:7:8]:1"},
        ParseCase{"Ipv6TrailingCompression", "[fe80::]:2", true, F::kIpv6, 2, "[fe80::]:2"},
        ParseCase{"Empty", "", false, F::kNone, 0, ""},
        ParseCase{"PortTooBig", "127.0.0.1:65536", false, F::kNone, 0, ""},
        ParseCase{"PortNotNumber", "127.0.0.1:http", false, F::kNone, 0, ""},
        ParseCase{"EmptyPort", "127.0.0.1:", false, F::kNone, 0, ""},
        ParseCase{"OctetTooBig", "256.0.0.1:1", false, F::kNone, 0, ""},
        ParseCase{"ThreeOctets", "1.2.3:1", false, F::kNone, 0, ""},
        ParseCase{"FiveOctets", "1.2.3.4.5", false, F::kNone, 0, ""},
        ParseCase{"HostName", "localhost:5000", false, F::kNone, 0, ""},
        ParseCase{"Ipv6TwoCompressions", "[1::2::3]:1", false, F::kNone, 0, ""},
        ParseCase{"Ipv6NineGroups", "[1:2:3:4:5:6:7:8:9]:1", false, F::kNone, 0, ""},
        ParseCase{"Ipv6GroupTooLong", "[12345::1]:1", false, F::kNone, 0, ""},
        ParseCase{"Ipv6Unclosed", "[::1:5000", false, F::kNone, 0, ""},
        ParseCase{"Ipv6JunkAfterBracket", "[::1]x5000", false, F::kNone, 0, ""}),
    [](const auto& info) { return info.param.name; });

TEST(NetworkSocketAddressTest, FactoriesAndEquality) {
  EXPECT_EQ(SocketAddress::ipv4Loopback(5000), SocketAddress::parse("127.0.0.1:5000"));
  EXPECT_EQ(SocketAddress::ipv6Loopback(5000), SocketAddress::parse("[::1]:5000"));
  EXPECT_NE(SocketAddress::ipv4Loopback(5000), SocketAddress::ipv4Loopback(5001));
  EXPECT_NE(SocketAddress(), SocketAddress::ipv4Any());
  EXPECT_FALSE(SocketAddress().isValid());
  EXPECT_EQ(SocketAddress().toString(), "<none>");
  EXPECT_EQ(SocketAddress::ipv4Loopback(1).withPort(2).port(), 2);
  EXPECT_EQ(SocketAddress::ipv6Loopback().hostString(), "::1");
}

}  // namespace
}  // namespace parley::network
