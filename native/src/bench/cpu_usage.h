// CPU time used by this process, for "CPU seconds per second of media".
#ifndef PARLEY_BENCH_CPU_USAGE_H
#define PARLEY_BENCH_CPU_USAGE_H

#include <cstdint>

namespace parley::bench {

// User + system CPU time of the whole process so far, in microseconds.
int64_t processCpuUs();
// CPU time of the calling thread so far, in microseconds.
int64_t threadCpuUs();
// Resident set size now and at its peak, in kilobytes (0 where unknown).
int64_t residentKb();
int64_t peakResidentKb();

}  // namespace parley::bench

#endif  // PARLEY_BENCH_CPU_USAGE_H
