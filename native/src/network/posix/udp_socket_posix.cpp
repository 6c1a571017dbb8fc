// UdpSocket on BSD sockets (Linux, macOS).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "network/sockaddr_conversion.h"
#include "network/udp_socket.h"

namespace parley::network {
namespace {

std::string describe(const char* what, int error) {
  return std::string(what) + ": " + std::strerror(error);
}

}  // namespace

UdpSocket::~UdpSocket() { close(); }

bool UdpSocket::isOpen() const { return handle_ >= 0; }

void UdpSocket::close() {
  if (handle_ >= 0) ::close(static_cast<int>(handle_));
  handle_ = -1;
}

UdpSocket::BindResult UdpSocket::open(const SocketAddress& local, std::string* error) {
  close();
  if (!local.isValid()) {
    *error = "invalid local address";
    return BindResult::kError;
  }
  int fd = ::socket(local.isIpv6() ? AF_INET6 : AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) {
    *error = describe("socket", errno);
    return BindResult::kError;
  }
  if (local.isIpv6()) {
    int on = 1;
    ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
  }
  int flags = ::fcntl(fd, F_GETFL, 0);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0 ||
      ::fcntl(fd, F_SETFD, FD_CLOEXEC) < 0) {
    *error = describe("fcntl", errno);
    ::close(fd);
    return BindResult::kError;
  }
  sockaddr_storage storage;
  socklen_t length = static_cast<socklen_t>(toSockaddr(local, &storage));
  if (::bind(fd, reinterpret_cast<sockaddr*>(&storage), length) != 0) {
    int bindError = errno;
    *error = describe("bind", bindError);
    ::close(fd);
    return bindError == EADDRINUSE ? BindResult::kAddressInUse : BindResult::kError;
  }
  handle_ = fd;
  return BindResult::kOk;
}

void UdpSocket::setBufferSizes(int requestedBytes, int* receiveBytes, int* sendBytes) {
  int fd = static_cast<int>(handle_);
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &requestedBytes, sizeof(requestedBytes));
  ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &requestedBytes, sizeof(requestedBytes));
  socklen_t length = sizeof(int);
  *receiveBytes = 0;
  *sendBytes = 0;
  ::getsockopt(fd, SOL_SOCKET, SO_RCVBUF, receiveBytes, &length);
  length = sizeof(int);
  ::getsockopt(fd, SOL_SOCKET, SO_SNDBUF, sendBytes, &length);
}

SocketAddress UdpSocket::localAddress() const {
  sockaddr_storage storage;
  std::memset(&storage, 0, sizeof(storage));
  socklen_t length = sizeof(storage);
  if (handle_ < 0 || ::getsockname(static_cast<int>(handle_), reinterpret_cast<sockaddr*>(&storage),
                                   &length) != 0) {
    return SocketAddress();
  }
  return fromSockaddr(storage);
}

UdpSocket::SendResult UdpSocket::sendTo(const uint8_t* data, size_t size, const SocketAddress& to,
                                        std::string* error) {
  sockaddr_storage storage;
  socklen_t length = static_cast<socklen_t>(toSockaddr(to, &storage));
  ssize_t sent;
  do {
    sent = ::sendto(static_cast<int>(handle_), data, size, 0, reinterpret_cast<sockaddr*>(&storage),
                    length);
  } while (sent < 0 && errno == EINTR);
  if (sent >= 0) return SendResult::kOk;
  int sendError = errno;
  *error = describe("sendto", sendError);
  if (sendError == EMSGSIZE) return SendResult::kTooBig;
  if (sendError == EAGAIN || sendError == EWOULDBLOCK || sendError == ENOBUFS) {
    return SendResult::kWouldBlock;
  }
  return SendResult::kError;
}

bool UdpSocket::waitReadable(int timeoutMs) {
  pollfd descriptor{};
  descriptor.fd = static_cast<int>(handle_);
  descriptor.events = POLLIN;
  return ::poll(&descriptor, 1, timeoutMs) > 0;
}

UdpSocket::ReceiveResult UdpSocket::receive(uint8_t* buffer, size_t capacity, size_t* size,
                                            SocketAddress* from) {
  sockaddr_storage storage;
  std::memset(&storage, 0, sizeof(storage));
  iovec vector{buffer, capacity};
  msghdr message{};
  message.msg_name = &storage;
  message.msg_namelen = sizeof(storage);
  message.msg_iov = &vector;
  message.msg_iovlen = 1;
  ssize_t received;
  do {
    received = ::recvmsg(static_cast<int>(handle_), &message, 0);
  } while (received < 0 && errno == EINTR);
  if (received < 0) {
    // ECONNREFUSED: an ICMP port-unreachable from an earlier send; harmless.
    return (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNREFUSED)
               ? ReceiveResult::kNone
               : ReceiveResult::kError;
  }
  *from = fromSockaddr(storage);
  if (message.msg_flags & MSG_TRUNC) return ReceiveResult::kTruncated;
  *size = static_cast<size_t>(received);
  return ReceiveResult::kPacket;
}

}  // namespace parley::network
