// What lip sync adjusts on a receive stream.
#ifndef PARLEY_SYNC_SYNC_TARGET_H
#define PARLEY_SYNC_SYNC_TARGET_H

namespace parley::sync {

// A receive stream whose playout lip sync may hold back. The video receive
// stream implements it by forwarding to VideoJitterBuffer::setMinimumDelayMs:
// its playout delay becomes max(own jitter-based delay, delayMs), still capped
// by its maximum delay. 0 removes the lower bound. Called from the thread that
// runs StreamSynchronizer::update; the implementation serialises it with its
// own playout (the jitter buffer is not thread-safe).
class SyncTarget {
 public:
  virtual ~SyncTarget() = default;
  virtual void setMinimumPlayoutDelayMs(int delayMs) = 0;
};

}  // namespace parley::sync

#endif  // PARLEY_SYNC_SYNC_TARGET_H
