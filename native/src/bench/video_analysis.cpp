#include "bench/video_analysis.h"

#include <algorithm>

#include "bench/percentiles.h"

namespace parley::bench {

void analyseVideo(const std::vector<int64_t>& captureUs, const std::vector<RenderEvent>& renders,
                  int64_t runStartUs, int64_t windowStartUs, int64_t windowEndUs,
                  double freezeLimitMs, VideoFigures& f) {
  f.freezeLimitMs = freezeLimitMs;
  for (int64_t us : captureUs) {
    if (us >= windowStartUs && us < windowEndUs) ++f.framesCaptured;
  }
  std::vector<bool> seen(captureUs.size(), false);
  Percentiles latency;
  int64_t lastSequence = -1;
  int64_t previousRenderUs = windowStartUs;  // a stall at the start counts from the window's start
  auto gap = [&](int64_t fromUs, int64_t toUs, int64_t sequence) {
    const double gapMs = static_cast<double>(toUs - fromUs) / 1000.0;
    f.maxGapMs = std::max(f.maxGapMs, gapMs);
    if (gapMs > freezeLimitMs) {
      ++f.freezes;
      f.frozenMs += gapMs;
      f.freezeList.push_back(
          CallFreeze{static_cast<double>(toUs - runStartUs) / 1e6, gapMs, sequence});
    }
  };
  for (const RenderEvent& event : renders) {
    const bool inWindow = event.renderedUs >= windowStartUs && event.renderedUs < windowEndUs;
    const auto index = static_cast<size_t>(event.sequence);
    const bool known = event.sequence >= 0 && index < seen.size();
    const bool repeated = known && seen[index];
    if (known) seen[index] = true;
    if (!inWindow) continue;
    ++f.framesRendered;
    // Only a new picture ends a freeze: a repeated one shows nothing new.
    if (event.sequence < 0) {
      ++f.stampsUnreadable;
      continue;
    }
    if (repeated) {
      ++f.framesRepeated;
      continue;
    }
    gap(previousRenderUs, event.renderedUs, event.sequence);
    previousRenderUs = event.renderedUs;
    if (event.sequence < lastSequence) ++f.framesOutOfOrder;
    lastSequence = std::max(lastSequence, event.sequence);
    ++f.framesUnique;
    // The self view's microsecond capture time when it has the frame, else the stamp's.
    const int64_t capturedUs = known && captureUs[index] >= 0 ? captureUs[index] : event.stampCaptureUs;
    latency.add(static_cast<double>(event.renderedUs - capturedUs) / 1000.0);
  }
  gap(previousRenderUs, windowEndUs, -1);
  for (size_t i = 0; i < captureUs.size(); ++i) {
    if (captureUs[i] >= windowStartUs && captureUs[i] < windowEndUs && !seen[i]) ++f.framesMissing;
  }
  const double windowSeconds = static_cast<double>(windowEndUs - windowStartUs) / 1e6;
  f.renderedFps = windowSeconds > 0 ? static_cast<double>(f.framesUnique) / windowSeconds : 0;
  f.frozenShare = windowSeconds > 0 ? std::min(1.0, f.frozenMs / 1000.0 / windowSeconds) : 0;
  if (latency.count() > 0) {
    f.latencyP50Ms = latency.percentile(50);
    f.latencyP95Ms = latency.percentile(95);
    f.latencyP99Ms = latency.percentile(99);
    f.latencyMaxMs = latency.max();
  }
}

}  // namespace parley::bench
