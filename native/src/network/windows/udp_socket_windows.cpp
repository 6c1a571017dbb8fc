// UdpSocket on Winsock 2.
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>

#include <cstring>

#include "network/sockaddr_conversion.h"
#include "network/udp_socket.h"

namespace parley::network {
namespace {

// Winsock needs WSAStartup once per process before any socket call; it is
// reference counted and never undone here (sockets may live until exit).
bool ensureWinsock() {
  static const bool started = [] {
    WSADATA data;
    return WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  return started;
}

SOCKET toSocket(intptr_t handle) { return static_cast<SOCKET>(handle); }

std::string describe(const char* what, int error) {
  return std::string(what) + ": WSA error " + std::to_string(error);
}

}  // namespace

UdpSocket::~UdpSocket() { close(); }

bool UdpSocket::isOpen() const { return toSocket(handle_) != INVALID_SOCKET; }

void UdpSocket::close() {
  if (isOpen()) closesocket(toSocket(handle_));
  handle_ = static_cast<intptr_t>(INVALID_SOCKET);
}

UdpSocket::BindResult UdpSocket::open(const SocketAddress& local, std::string* error) {
  close();
  if (!local.isValid()) {
    *error = "invalid local address";
    return BindResult::kError;
  }
  if (!ensureWinsock()) {
    *error = "WSAStartup failed";
    return BindResult::kError;
  }
  SOCKET s = ::socket(local.isIpv6() ? AF_INET6 : AF_INET, SOCK_DGRAM, IPPROTO_UDP);
  if (s == INVALID_SOCKET) {
    *error = describe("socket", WSAGetLastError());
    return BindResult::kError;
  }
  if (local.isIpv6()) {
    DWORD on = 1;
    setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char*>(&on), sizeof(on));
  }
  // Windows allows another socket to steal a bound port unless this is set;
  // without it the port-range search could pick a port already in use.
  BOOL exclusive = TRUE;
  setsockopt(s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&exclusive),
             sizeof(exclusive));
  // An ICMP port-unreachable otherwise makes the next recvfrom fail with
  // WSAECONNRESET and, on some versions, keeps failing.
  BOOL reportReset = FALSE;
  DWORD returned = 0;
  WSAIoctl(s, _WSAIOW(IOC_VENDOR, 12) /* SIO_UDP_CONNRESET */, &reportReset, sizeof(reportReset),
           nullptr, 0, &returned, nullptr, nullptr);
  u_long nonBlocking = 1;
  ioctlsocket(s, FIONBIO, &nonBlocking);
  sockaddr_storage storage;
  int length = toSockaddr(local, &storage);
  if (::bind(s, reinterpret_cast<sockaddr*>(&storage), length) != 0) {
    int bindError = WSAGetLastError();
    *error = describe("bind", bindError);
    closesocket(s);
    return (bindError == WSAEADDRINUSE || bindError == WSAEACCES) ? BindResult::kAddressInUse
                                                                  : BindResult::kError;
  }
  handle_ = static_cast<intptr_t>(s);
  return BindResult::kOk;
}

void UdpSocket::setBufferSizes(int requestedBytes, int* receiveBytes, int* sendBytes) {
  SOCKET s = toSocket(handle_);
  setsockopt(s, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<const char*>(&requestedBytes),
             sizeof(requestedBytes));
  setsockopt(s, SOL_SOCKET, SO_SNDBUF, reinterpret_cast<const char*>(&requestedBytes),
             sizeof(requestedBytes));
  int length = sizeof(int);
  *receiveBytes = 0;
  *sendBytes = 0;
  getsockopt(s, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<char*>(receiveBytes), &length);
  length = sizeof(int);
  getsockopt(s, SOL_SOCKET, SO_SNDBUF, reinterpret_cast<char*>(sendBytes), &length);
}

SocketAddress UdpSocket::localAddress() const {
  sockaddr_storage storage;
  std::memset(&storage, 0, sizeof(storage));
  int length = sizeof(storage);
  if (!isOpen() ||
      getsockname(toSocket(handle_), reinterpret_cast<sockaddr*>(&storage), &length) != 0) {
    return SocketAddress();
  }
  return fromSockaddr(storage);
}

UdpSocket::SendResult UdpSocket::sendTo(const uint8_t* data, size_t size, const SocketAddress& to,
                                        std::string* error) {
  sockaddr_storage storage;
  int length = toSockaddr(to, &storage);
  int sent = ::sendto(toSocket(handle_), reinterpret_cast<const char*>(data),
                      static_cast<int>(size), 0, reinterpret_cast<sockaddr*>(&storage), length);
  if (sent != SOCKET_ERROR) return SendResult::kOk;
  int sendError = WSAGetLastError();
  *error = describe("sendto", sendError);
  if (sendError == WSAEMSGSIZE) return SendResult::kTooBig;
  if (sendError == WSAEWOULDBLOCK || sendError == WSAENOBUFS) return SendResult::kWouldBlock;
  return SendResult::kError;
}

bool UdpSocket::waitReadable(int timeoutMs) {
  WSAPOLLFD descriptor{};
  descriptor.fd = toSocket(handle_);
  descriptor.events = POLLRDNORM;
  return WSAPoll(&descriptor, 1, timeoutMs) > 0;
}

UdpSocket::ReceiveResult UdpSocket::receive(uint8_t* buffer, size_t capacity, size_t* size,
                                            SocketAddress* from) {
  sockaddr_storage storage;
  std::memset(&storage, 0, sizeof(storage));
  int length = sizeof(storage);
  int received =
      ::recvfrom(toSocket(handle_), reinterpret_cast<char*>(buffer), static_cast<int>(capacity), 0,
                 reinterpret_cast<sockaddr*>(&storage), &length);
  if (received == SOCKET_ERROR) {
    int receiveError = WSAGetLastError();
    if (receiveError == WSAEMSGSIZE) {  // the datagram was larger than capacity and is gone
      *from = fromSockaddr(storage);
      return ReceiveResult::kTruncated;
    }
    return (receiveError == WSAEWOULDBLOCK || receiveError == WSAECONNRESET)
               ? ReceiveResult::kNone
               : ReceiveResult::kError;
  }
  *from = fromSockaddr(storage);
  *size = static_cast<size_t>(received);
  return ReceiveResult::kPacket;
}

}  // namespace parley::network
