// An IP address and UDP port, IPv4 or IPv6, independent of the socket API.
#ifndef PARLEY_NETWORK_SOCKET_ADDRESS_H
#define PARLEY_NETWORK_SOCKET_ADDRESS_H

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace parley::network {

// A value type: family, address bytes in network order, port in host order.
// A default-constructed address is invalid (family kNone) and never equals a
// real one. Parses and formats the forms used in configuration and logs:
// "127.0.0.1:5000" and "[::1]:5000" (brackets are required around IPv6 when
// a port follows; "::1" alone parses with port 0). No host names, no scope
// ids: resolving names is the signalling layer's job.
class SocketAddress {
 public:
  enum class Family { kNone, kIpv4, kIpv6 };

  SocketAddress() = default;
  static SocketAddress ipv4(const std::array<uint8_t, 4>& bytes, uint16_t port);
  static SocketAddress ipv6(const std::array<uint8_t, 16>& bytes, uint16_t port);
  static SocketAddress ipv4Loopback(uint16_t port = 0);
  static SocketAddress ipv6Loopback(uint16_t port = 0);
  static SocketAddress ipv4Any(uint16_t port = 0);
  static SocketAddress ipv6Any(uint16_t port = 0);

  // "a.b.c.d[:port]", "[v6]:port", "[v6]" or a bare v6 literal. nullopt when
  // malformed (including a port above 65535 or trailing junk).
  static std::optional<SocketAddress> parse(const std::string& text);

  // "127.0.0.1:5000" / "[::1]:5000"; "<none>" for an invalid address.
  std::string toString() const;
  // The address alone, without port or brackets.
  std::string hostString() const;

  Family family() const { return family_; }
  bool isValid() const { return family_ != Family::kNone; }
  bool isIpv4() const { return family_ == Family::kIpv4; }
  bool isIpv6() const { return family_ == Family::kIpv6; }
  uint16_t port() const { return port_; }
  SocketAddress withPort(uint16_t port) const;
  // Bytes in network order: the first 4 for IPv4, all 16 for IPv6.
  const std::array<uint8_t, 16>& bytes() const { return bytes_; }

  bool operator==(const SocketAddress& other) const;
  bool operator!=(const SocketAddress& other) const { return !(*this == other); }

 private:
  Family family_ = Family::kNone;
  std::array<uint8_t, 16> bytes_{};
  uint16_t port_ = 0;
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_SOCKET_ADDRESS_H
