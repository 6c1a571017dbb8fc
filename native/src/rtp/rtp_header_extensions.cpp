// RFC 8285 one-byte and two-byte header extension elements; the diagrams
// are in rtp_header_extensions.h.
#include "rtp/rtp_header_extensions.h"

namespace parley::rtp {
namespace {

constexpr uint8_t kOneByteMaxId = 14;
constexpr uint8_t kOneByteStopId = 15;  // section 4.2: "terminate processing"
constexpr size_t kOneByteMaxData = 16;
constexpr size_t kTwoByteMaxData = 255;

}  // namespace

std::optional<HeaderExtensionFormat> headerExtensionFormat(uint16_t profile) {
  if (profile == kOneByteExtensionProfile) return HeaderExtensionFormat::kOneByte;
  if ((profile & kTwoByteExtensionProfileMask) == kTwoByteExtensionProfile) {
    return HeaderExtensionFormat::kTwoByte;
  }
  return std::nullopt;
}

HeaderExtensionReader::HeaderExtensionReader(uint16_t profile, ByteView body)
    : format_(headerExtensionFormat(profile)), body_(body) {
  if (!format_) error_ = HeaderExtensionError::kNotRfc8285;
}

HeaderExtensionReader::HeaderExtensionReader(const RtpHeader& header)
    : HeaderExtensionReader(
          header.hasExtension ? header.extensionProfile : kOneByteExtensionProfile,
          header.hasExtension ? header.extension : ByteView()) {}

bool HeaderExtensionReader::next(HeaderExtensionElement* element) {
  if (error_ != HeaderExtensionError::kOk) return false;
  while (offset_ < body_.size()) {
    const uint8_t first = body_[offset_];
    if (first == 0) {  // padding octet
      ++offset_;
      continue;
    }
    size_t headerBytes = 0;
    size_t dataBytes = 0;
    if (*format_ == HeaderExtensionFormat::kOneByte) {
      // A non-zero octet with ID 0 is treated as padding too (RFC 8285
      // reserves ID 0 for padding; skipping one octet is what deployed
      // receivers do).
      const uint8_t id = first >> 4;
      if (id == 0) {
        ++offset_;
        continue;
      }
      if (id == kOneByteStopId) {
        offset_ = body_.size();
        return false;
      }
      headerBytes = 1;
      dataBytes = size_t{first & 0x0Fu} + 1;
    } else {
      if (body_.size() - offset_ < 2) {
        error_ = HeaderExtensionError::kElementBeyondEnd;
        return false;
      }
      headerBytes = 2;
      dataBytes = body_[offset_ + 1];
    }
    if (headerBytes + dataBytes > body_.size() - offset_) {
      error_ = HeaderExtensionError::kElementBeyondEnd;
      return false;
    }
    element->id = first >> (*format_ == HeaderExtensionFormat::kOneByte ? 4 : 0);
    element->data = body_.subview(offset_ + headerBytes, dataBytes);
    offset_ += headerBytes + dataBytes;
    return true;
  }
  return false;
}

std::optional<ByteView> findHeaderExtension(const RtpHeader& header, uint8_t id) {
  if (!header.hasExtension) return std::nullopt;
  HeaderExtensionReader reader(header);
  HeaderExtensionElement element;
  while (reader.next(&element)) {
    if (element.id == id) return element.data;
  }
  return std::nullopt;
}

HeaderExtensionBuilder::HeaderExtensionBuilder(HeaderExtensionFormat format, uint8_t appBits)
    : format_(format), appBits_(appBits & 0x0F) {}

bool HeaderExtensionBuilder::add(uint8_t id, ByteView data) {
  size_t headerBytes = 0;
  if (format_ == HeaderExtensionFormat::kOneByte) {
    if (id == 0 || id > kOneByteMaxId || data.empty() || data.size() > kOneByteMaxData) {
      return false;
    }
    headerBytes = 1;
  } else {
    if (id == 0 || data.size() > kTwoByteMaxData) return false;
    headerBytes = 2;
  }
  const size_t newUsed = used_ + headerBytes + data.size();
  const size_t padded = (newUsed + 3) / 4 * 4;
  if (padded > kRtpMaxExtensionBodySize) return false;

  bytes_.resize(used_);
  if (format_ == HeaderExtensionFormat::kOneByte) {
    bytes_.push_back(static_cast<uint8_t>((id << 4) | (data.size() - 1)));
  } else {
    bytes_.push_back(id);
    bytes_.push_back(static_cast<uint8_t>(data.size()));
  }
  bytes_.insert(bytes_.end(), data.begin(), data.end());
  used_ = newUsed;
  bytes_.resize(padded, 0);
  return true;
}

uint16_t HeaderExtensionBuilder::profile() const {
  return format_ == HeaderExtensionFormat::kOneByte
             ? kOneByteExtensionProfile
             : static_cast<uint16_t>(kTwoByteExtensionProfile | appBits_);
}

void HeaderExtensionBuilder::clear() {
  bytes_.clear();
  used_ = 0;
}

void HeaderExtensionBuilder::applyTo(RtpHeader* header) const {
  header->hasExtension = !empty();
  header->extensionProfile = empty() ? 0 : profile();
  header->extension = empty() ? ByteView() : body();
}

}  // namespace parley::rtp
