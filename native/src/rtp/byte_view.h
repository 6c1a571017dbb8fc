// Read-only byte views and network-byte-order helpers shared by the RTP layer.
#ifndef PARLEY_RTP_BYTE_VIEW_H
#define PARLEY_RTP_BYTE_VIEW_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::rtp {

// A read-only window on bytes (pointer + size): the C++17 stand-in for
// std::span<const uint8_t>. It owns nothing: the caller keeps the bytes alive
// (and unmodified) for as long as the view, or anything parsed from it, is used.
class ByteView {
 public:
  constexpr ByteView() = default;
  constexpr ByteView(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  // Views a whole vector; the vector must not be resized while the view is used.
  ByteView(const std::vector<uint8_t>& bytes)  // NOLINT(google-explicit-constructor)
      : data_(bytes.data()), size_(bytes.size()) {}

  constexpr const uint8_t* data() const { return data_; }
  constexpr size_t size() const { return size_; }
  constexpr bool empty() const { return size_ == 0; }
  constexpr const uint8_t* begin() const { return data_; }
  constexpr const uint8_t* end() const { return data_ + size_; }
  // Unchecked, like std::span: the caller guarantees index < size().
  constexpr uint8_t operator[](size_t index) const { return data_[index]; }

  // The bytes [offset, offset + count), clamped to the view: never reaches
  // past the end, whatever the arguments.
  constexpr ByteView subview(size_t offset, size_t count = SIZE_MAX) const {
    if (offset >= size_) return ByteView(data_ + size_, 0);
    const size_t left = size_ - offset;
    return ByteView(data_ + offset, count < left ? count : left);
  }
  std::vector<uint8_t> toVector() const { return std::vector<uint8_t>(begin(), end()); }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// Big-endian (network order) loads and stores. The caller has checked bounds.
inline uint16_t loadBe16(const uint8_t* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }
inline uint32_t loadBe32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}
inline void storeBe16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v >> 8);
  p[1] = static_cast<uint8_t>(v);
}
inline void storeBe32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

}  // namespace parley::rtp

#endif  // PARLEY_RTP_BYTE_VIEW_H
