#include "rtp/vp8_payloader.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/random_id.h"
#include "rtp/vp8_payload_descriptor.h"

namespace parley::rtp {
namespace {

constexpr uint16_t kPictureIdMask = 0x7FFF;

uint16_t randomPictureId() { return static_cast<uint16_t>(randomUint32() & kPictureIdMask); }

}  // namespace

Vp8Payloader::Vp8Payloader(const Vp8PayloaderConfig& config)
    : maxPayloadSize_(config.maxPayloadSize),
      nextPictureId_(static_cast<uint16_t>(
          (config.firstPictureId ? *config.firstPictureId : randomPictureId()) & kPictureIdMask)) {
  if (maxPayloadSize_ <= kDescriptorSize) {
    throw std::invalid_argument("Vp8Payloader: maxPayloadSize " + std::to_string(maxPayloadSize_) +
                                " leaves no room for VP8 data after the " +
                                std::to_string(kDescriptorSize) + "-octet descriptor");
  }
}

size_t Vp8Payloader::payloadCount(size_t frameSize) const {
  const size_t perPacket = maxPayloadSize_ - kDescriptorSize;
  return (frameSize + perPacket - 1) / perPacket;
}

Vp8FramePayloads Vp8Payloader::payload(const video::EncodedVideoFrame& frame) {
  return payload(ByteView(frame.data));
}

Vp8FramePayloads Vp8Payloader::payload(ByteView vp8Frame) {
  Vp8FramePayloads result;
  if (vp8Frame.empty()) return result;
  result.pictureId = nextPictureId_;
  nextPictureId_ = static_cast<uint16_t>((nextPictureId_ + 1) & kPictureIdMask);

  Vp8PayloadDescriptor descriptor;
  descriptor.startOfPartition = true;
  descriptor.partitionIndex = 0;
  descriptor.hasPictureId = true;
  descriptor.longPictureId = true;
  descriptor.pictureId = result.pictureId;

  // Balanced split: n payloads, the first `remainder` of them one octet
  // larger than the rest. base + 1 <= maxPayloadSize - descriptor because
  // n is the smallest count that fits.
  const size_t count = payloadCount(vp8Frame.size());
  const size_t base = vp8Frame.size() / count;
  const size_t remainder = vp8Frame.size() % count;
  result.payloads.reserve(count);
  size_t offset = 0;
  for (size_t i = 0; i < count; ++i) {
    const size_t chunk = base + (i < remainder ? 1 : 0);
    std::vector<uint8_t> out(kDescriptorSize + chunk);
    descriptor.startOfPartition = (i == 0);
    writeVp8PayloadDescriptor(descriptor, out.data(), out.size());
    const ByteView slice = vp8Frame.subview(offset, chunk);
    std::copy(slice.begin(), slice.end(), out.begin() + kDescriptorSize);
    offset += chunk;
    result.payloads.push_back(std::move(out));
  }
  return result;
}

}  // namespace parley::rtp
