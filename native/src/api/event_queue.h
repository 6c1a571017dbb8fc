// Events raised by native threads (capture, render, network) for the Java SDK.
#ifndef PARLEY_API_EVENT_QUEUE_H
#define PARLEY_API_EVENT_QUEUE_H

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>

#include "parley/parley.h"

namespace parley::api {

// A bounded multi-producer queue. Native threads post and never block; the
// SDK's single event thread waits on it, so no native thread ever calls into
// the JVM. When full, the oldest event is dropped and counted: a stalled
// consumer costs events, never memory or a blocked media thread.
class EventQueue {
 public:
  explicit EventQueue(size_t capacity = 1024) : capacity_(capacity) {}

  void post(const Event& event);
  // Builds and posts one event of `objectId`.
  void post(int type, int64_t objectId, int width, int height, int value,
            const std::string& message);
  // Waits up to timeoutMs for an event; returns false on timeout or close().
  bool wait(Event& out, int timeoutMs);
  // Wakes every waiter; later waits return at once until reopen().
  void close();
  void reopen();
  int64_t dropped() const;

  // The process-wide queue the facade's waitEvent() reads.
  static EventQueue& global();

 private:
  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::deque<Event> events_;
  int64_t dropped_ = 0;
  bool closed_ = false;
};

}  // namespace parley::api

#endif  // PARLEY_API_EVENT_QUEUE_H
