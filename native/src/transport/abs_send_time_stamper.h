// Writes the abs-send-time header extension (congestion/abs_send_time.h)
// into an outgoing RTP packet at the moment the pacer releases it.
#ifndef PARLEY_TRANSPORT_ABS_SEND_TIME_STAMPER_H
#define PARLEY_TRANSPORT_ABS_SEND_TIME_STAMPER_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::transport {

// Sets the 3-octet element `id` of *packet to absSendTime24 (RFC 8285). When
// the packet already carries that element with 3 octets it is overwritten in
// place; otherwise the packet is rewritten with the element added to its
// extension block (one-byte form, RFC 8285 section 4.2, unless the packet
// already uses the two-byte form; elements it had are kept). false, leaving
// the packet unchanged, when it is not valid RTP or its extension block
// cannot take the element (an opaque non-RFC 8285 profile).
bool stampAbsSendTime(std::vector<uint8_t>* packet, uint8_t id, uint32_t absSendTime24);

// Reads the element back: false when the packet has none (or is not RTP).
bool readAbsSendTime(const uint8_t* data, size_t size, uint8_t id, uint32_t* absSendTime24);

}  // namespace parley::transport

#endif  // PARLEY_TRANSPORT_ABS_SEND_TIME_STAMPER_H
