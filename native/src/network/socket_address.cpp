#include "network/socket_address.h"

#include <cstdio>
#include <vector>

namespace parley::network {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Dotted quad, each part 0..255 in decimal, no leading "+" or empty parts.
bool parseIpv4(const std::string& text, std::array<uint8_t, 16>* out) {
  int part = 0;
  int value = -1;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.') {
      if (value < 0 || part > 3) return false;
      (*out)[part++] = static_cast<uint8_t>(value);
      value = -1;
    } else if (text[i] >= '0' && text[i] <= '9') {
      value = (value < 0 ? 0 : value * 10) + (text[i] - '0');
      if (value > 255) return false;
    } else {
      return false;
    }
  }
  return part == 4;
}

// RFC 4291 section 2.2 text forms 1 and 2 (hex groups, one "::"); the
// embedded-IPv4 form 3 is not accepted.
bool parseIpv6(const std::string& text, std::array<uint8_t, 16>* out) {
  std::vector<uint16_t> head;
  std::vector<uint16_t> tail;
  bool compressed = false;
  size_t i = 0;
  if (text.compare(0, 2, "::") == 0) {
    compressed = true;
    i = 2;
  } else if (!text.empty() && text[0] == ':') {
    return false;
  }
  while (i < text.size()) {
    int digits = 0;
    uint32_t group = 0;
    while (i < text.size() && hexValue(text[i]) >= 0) {
      if (++digits > 4) return false;
      group = group * 16 + static_cast<uint32_t>(hexValue(text[i++]));
    }
    if (digits == 0) return false;
    (compressed ? tail : head).push_back(static_cast<uint16_t>(group));
    if (i == text.size()) break;
    if (text[i] != ':') return false;
    ++i;
    if (i < text.size() && text[i] == ':') {
      if (compressed) return false;
      compressed = true;
      ++i;
    } else if (i == text.size()) {
      return false;  // trailing single ':'
    }
  }
  size_t groups = head.size() + tail.size();
  if (compressed ? groups > 7 : groups != 8) return false;
  std::array<uint16_t, 8> all{};
  for (size_t g = 0; g < head.size(); ++g) all[g] = head[g];
  for (size_t g = 0; g < tail.size(); ++g) all[8 - tail.size() + g] = tail[g];
  for (size_t g = 0; g < 8; ++g) {
    (*out)[2 * g] = static_cast<uint8_t>(all[g] >> 8);
    (*out)[2 * g + 1] = static_cast<uint8_t>(all[g] & 0xff);
  }
  return true;
}

bool parsePort(const std::string& text, uint16_t* port) {
  if (text.empty() || text.size() > 5) return false;
  uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<uint32_t>(c - '0');
  }
  if (value > 65535) return false;
  *port = static_cast<uint16_t>(value);
  return true;
}

}  // namespace

SocketAddress SocketAddress::ipv4(const std::array<uint8_t, 4>& bytes, uint16_t port) {
  SocketAddress address;
  address.family_ = Family::kIpv4;
  for (size_t i = 0; i < 4; ++i) address.bytes_[i] = bytes[i];
  address.port_ = port;
  return address;
}

SocketAddress SocketAddress::ipv6(const std::array<uint8_t, 16>& bytes, uint16_t port) {
  SocketAddress address;
  address.family_ = Family::kIpv6;
  address.bytes_ = bytes;
  address.port_ = port;
  return address;
}

SocketAddress SocketAddress::ipv4Loopback(uint16_t port) { return ipv4({127, 0, 0, 1}, port); }
SocketAddress SocketAddress::ipv4Any(uint16_t port) { return ipv4({0, 0, 0, 0}, port); }

SocketAddress SocketAddress::ipv6Loopback(uint16_t port) {
  std::array<uint8_t, 16> bytes{};
  bytes[15] = 1;
  return ipv6(bytes, port);
}

SocketAddress SocketAddress::ipv6Any(uint16_t port) { return ipv6({}, port); }

std::optional<SocketAddress> SocketAddress::parse(const std::string& text) {
  std::array<uint8_t, 16> bytes{};
  uint16_t port = 0;
  if (!text.empty() && text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos) return std::nullopt;
    if (!parseIpv6(text.substr(1, close - 1), &bytes)) return std::nullopt;
    if (close + 1 < text.size()) {
      if (text[close + 1] != ':' || !parsePort(text.substr(close + 2), &port)) return std::nullopt;
    }
    return ipv6(bytes, port);
  }
  size_t colon = text.find(':');
  if (colon != std::string::npos && text.find(':', colon + 1) != std::string::npos) {
    if (!parseIpv6(text, &bytes)) return std::nullopt;  // bare IPv6, no port
    return ipv6(bytes, 0);
  }
  std::string host = text.substr(0, colon);
  if (colon != std::string::npos && !parsePort(text.substr(colon + 1), &port)) return std::nullopt;
  if (!parseIpv4(host, &bytes)) return std::nullopt;
  return ipv4({bytes[0], bytes[1], bytes[2], bytes[3]}, port);
}

std::string SocketAddress::hostString() const {
  char buffer[64];
  if (family_ == Family::kIpv4) {
    std::snprintf(buffer, sizeof(buffer), "%u.%u.%u.%u", bytes_[0], bytes_[1], bytes_[2],
                  bytes_[3]);
    return buffer;
  }
  if (family_ != Family::kIpv6) return "<none>";
  // RFC 5952 section 4: lowercase, no leading zeros, the longest run of two
  // or more zero groups (the first one on a tie) shortened to "::".
  uint16_t groups[8];
  for (int g = 0; g < 8; ++g)
    groups[g] = static_cast<uint16_t>(bytes_[2 * g] << 8 | bytes_[2 * g + 1]);
  int bestStart = -1;
  int bestLength = 1;
  for (int g = 0; g < 8;) {
    if (groups[g] != 0) {
      ++g;
      continue;
    }
    int start = g;
    while (g < 8 && groups[g] == 0) ++g;
    if (g - start > bestLength) {
      bestStart = start;
      bestLength = g - start;
    }
  }
  std::string out;
  for (int g = 0; g < 8; ++g) {
    if (g == bestStart) {
      out += "::";
      g += bestLength - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    std::snprintf(buffer, sizeof(buffer), "%x", groups[g]);
    out += buffer;
  }
  return out;
}

std::string SocketAddress::toString() const {
  if (family_ == Family::kNone) return "<none>";
  std::string port = std::to_string(port_);
  if (family_ == Family::kIpv6) return "[" + hostString() + "]:" + port;
  return hostString() + ":" + port;
}

SocketAddress SocketAddress::withPort(uint16_t port) const {
  SocketAddress address = *this;
  address.port_ = port;
  return address;
}

bool SocketAddress::operator==(const SocketAddress& other) const {
  return family_ == other.family_ && bytes_ == other.bytes_ && port_ == other.port_;
}

}  // namespace parley::network
