#include "congestion/rate_window.h"

namespace parley::congestion {

void RateWindow::prune(int64_t nowUs) {
  while (!samples_.empty() && samples_.front().timeUs <= nowUs - windowUs_) {
    bytesInWindow_ -= samples_.front().bytes;
    samples_.pop_front();
  }
}

void RateWindow::add(int64_t nowUs, size_t bytes) {
  if (!started_) {
    started_ = true;
    firstUs_ = nowUs;
  }
  prune(nowUs);
  if (samples_.size() >= maxSamples_) {
    bytesInWindow_ -= samples_.front().bytes;
    samples_.pop_front();
    ++dropped_;
  }
  samples_.push_back({nowUs, bytes});
  bytesInWindow_ += bytes;
}

uint64_t RateWindow::bitrateBps(int64_t nowUs) const {
  uint64_t bytes = bytesInWindow_;
  // Samples that have left the window since the last add() no longer count.
  for (const Sample& s : samples_) {
    if (s.timeUs > nowUs - windowUs_) break;
    bytes -= s.bytes;
  }
  return bytes * 8 * 1'000'000 / static_cast<uint64_t>(windowUs_);
}

bool RateWindow::valid(int64_t nowUs) const {
  return started_ && nowUs - firstUs_ >= windowUs_;
}

}  // namespace parley::congestion
