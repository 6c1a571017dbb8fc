// Unpredictable identifiers: SSRCs, initial sequence numbers and timestamp
// offsets (RFC 3550 sections 5.1 and 8 ask for random values, which also
// makes known-plaintext attacks on SRTP harder).
#ifndef PARLEY_COMMON_RANDOM_ID_H
#define PARLEY_COMMON_RANDOM_ID_H

#include <cstdint>

namespace parley {

// From the OS's random source (std::random_device). Any thread.
uint32_t randomUint32();
// Never 0, for SSRCs where 0 means "not chosen yet".
uint32_t randomNonZeroUint32();

}  // namespace parley

#endif  // PARLEY_COMMON_RANDOM_ID_H
