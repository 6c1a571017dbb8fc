// A thin wrapper of one OS UDP socket (BSD sockets or Winsock), so that the
// transport above it has no platform code. One implementation per platform:
// posix/udp_socket_posix.cpp, windows/udp_socket_windows.cpp.
#ifndef PARLEY_NETWORK_UDP_SOCKET_H
#define PARLEY_NETWORK_UDP_SOCKET_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "network/socket_address.h"

namespace parley::network {

// Owns one non-blocking datagram socket. Not thread-safe except that
// sendTo() may run on one thread while waitReadable()/receive() run on
// another (the OS allows that); open/close must not race with either.
class UdpSocket {
 public:
  enum class BindResult { kOk, kAddressInUse, kError };
  enum class SendResult { kOk, kTooBig, kWouldBlock, kError };
  enum class ReceiveResult { kPacket, kTruncated, kNone, kError };

  UdpSocket() = default;
  ~UdpSocket();
  UdpSocket(const UdpSocket&) = delete;
  UdpSocket& operator=(const UdpSocket&) = delete;

  // Creates a socket of local's family (IPv6 sockets are IPv6-only) and binds
  // it. On failure the socket is closed and *error says why.
  BindResult open(const SocketAddress& local, std::string* error);
  void close();
  bool isOpen() const;

  // Asks for both buffer sizes (SO_RCVBUF, SO_SNDBUF) and reads back what the
  // OS granted (Linux reports double the usable size and caps at
  // net.core.rmem_max / wmem_max).
  void setBufferSizes(int requestedBytes, int* receiveBytes, int* sendBytes);
  SocketAddress localAddress() const;

  SendResult sendTo(const uint8_t* data, size_t size, const SocketAddress& to, std::string* error);
  // Waits up to timeoutMs for a datagram. true when one is ready (or an
  // error is pending); false on timeout.
  bool waitReadable(int timeoutMs);
  // Reads one datagram without waiting. kTruncated: it was larger than
  // capacity and has been discarded; *size is then meaningless.
  ReceiveResult receive(uint8_t* buffer, size_t capacity, size_t* size, SocketAddress* from);

 private:
  // An int file descriptor or a Winsock SOCKET; -1 (INVALID_SOCKET) when closed.
  intptr_t handle_ = -1;
};

}  // namespace parley::network

#endif  // PARLEY_NETWORK_UDP_SOCKET_H
