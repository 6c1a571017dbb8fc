#include "common/random_id.h"

#include <random>

namespace parley {

uint32_t randomUint32() {
  std::random_device device;
  return static_cast<uint32_t>(device());
}

uint32_t randomNonZeroUint32() {
  uint32_t value = 0;
  while (value == 0) {
    value = randomUint32();
  }
  return value;
}

}  // namespace parley
