#include <sys/resource.h>
#include <time.h>

#include <cstdio>
#include <cstring>

#include "bench/cpu_usage.h"

namespace parley::bench {
namespace {

int64_t toUs(const timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1'000'000 + t.tv_nsec / 1000; }

int64_t statusFieldKb(const char* field) {
  // /proc/self/status reports VmRSS and VmHWM in kB (Linux); elsewhere: 0.
  FILE* status = std::fopen("/proc/self/status", "r");
  if (status == nullptr) {
    return 0;
  }
  char line[256];
  int64_t value = 0;
  const size_t length = std::strlen(field);
  while (std::fgets(line, sizeof line, status) != nullptr) {
    if (std::strncmp(line, field, length) == 0) {
      long long kb = 0;
      if (std::sscanf(line + length, " %lld", &kb) == 1) {
        value = kb;
      }
      break;
    }
  }
  std::fclose(status);
  return value;
}

}  // namespace

int64_t processCpuUs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return toUs(t);
}

int64_t threadCpuUs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return toUs(t);
}

int64_t residentKb() { return statusFieldKb("VmRSS:"); }

int64_t peakResidentKb() {
  const int64_t hwm = statusFieldKb("VmHWM:");
  if (hwm > 0) {
    return hwm;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // kB on Linux
}

}  // namespace parley::bench
