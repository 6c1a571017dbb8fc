// FUZZ_CHECK: the fuzz targets' assertion. A broken invariant aborts, which
// libFuzzer reports as a crash and saves the input that caused it.
#ifndef PARLEY_FUZZ_FUZZ_CHECK_H
#define PARLEY_FUZZ_FUZZ_CHECK_H

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                                 \
  do {                                                                                        \
    if (!(condition)) {                                                                       \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                           \
    }                                                                                         \
  } while (false)

#endif  // PARLEY_FUZZ_FUZZ_CHECK_H
