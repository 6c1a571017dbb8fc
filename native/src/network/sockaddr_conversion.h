// SocketAddress <-> the BSD socket API's sockaddr_storage, shared by the POSIX
// and Winsock socket files (both spell sockaddr_in/sockaddr_in6 the same way).
// Include it after the platform's socket headers.
#ifndef PARLEY_NETWORK_SOCKADDR_CONVERSION_H
#define PARLEY_NETWORK_SOCKADDR_CONVERSION_H

#include <array>
#include <cstring>

#include "network/socket_address.h"

namespace parley::network {

// Fills `storage` for `address`; returns the length of the sockaddr written.
inline int toSockaddr(const SocketAddress& address, sockaddr_storage* storage) {
  std::memset(storage, 0, sizeof(*storage));
  if (address.isIpv4()) {
    auto* in = reinterpret_cast<sockaddr_in*>(storage);
    in->sin_family = AF_INET;
    in->sin_port = htons(address.port());
    std::memcpy(&in->sin_addr, address.bytes().data(), 4);
    return static_cast<int>(sizeof(sockaddr_in));
  }
  auto* in6 = reinterpret_cast<sockaddr_in6*>(storage);
  in6->sin6_family = AF_INET6;
  in6->sin6_port = htons(address.port());
  std::memcpy(&in6->sin6_addr, address.bytes().data(), 16);
  return static_cast<int>(sizeof(sockaddr_in6));
}

// The address in `storage`; an invalid SocketAddress for other families.
inline SocketAddress fromSockaddr(const sockaddr_storage& storage) {
  if (storage.ss_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&storage);
    std::array<uint8_t, 4> bytes;
    std::memcpy(bytes.data(), &in->sin_addr, 4);
    return SocketAddress::ipv4(bytes, ntohs(in->sin_port));
  }
  if (storage.ss_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&storage);
    std::array<uint8_t, 16> bytes;
    std::memcpy(bytes.data(), &in6->sin6_addr, 16);
    return SocketAddress::ipv6(bytes, ntohs(in6->sin6_port));
  }
  return SocketAddress();
}

}  // namespace parley::network

#endif  // PARLEY_NETWORK_SOCKADDR_CONVERSION_H
