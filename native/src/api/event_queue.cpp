#include "api/event_queue.h"

#include <chrono>

namespace parley::api {

void EventQueue::post(const Event& event) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (events_.size() >= capacity_) {
      events_.pop_front();
      ++dropped_;
    }
    events_.push_back(event);
  }
  available_.notify_one();
}

bool EventQueue::wait(Event& out, int timeoutMs) {
  std::unique_lock<std::mutex> lock(mutex_);
  const bool ready = available_.wait_for(lock, std::chrono::milliseconds(timeoutMs < 0 ? 0 : timeoutMs),
                                         [this] { return closed_ || !events_.empty(); });
  if (!ready || events_.empty()) {
    return false;
  }
  out = std::move(events_.front());
  events_.pop_front();
  return true;
}

void EventQueue::close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  available_.notify_all();
}

void EventQueue::reopen() {
  std::lock_guard<std::mutex> lock(mutex_);
  closed_ = false;
}

int64_t EventQueue::dropped() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return dropped_;
}

EventQueue& EventQueue::global() {
  static EventQueue queue;
  return queue;
}

void EventQueue::post(int type, int64_t objectId, int width, int height, int value,
                      const std::string& message) {
  Event event;
  event.type = type;
  event.objectId = objectId;
  event.width = width;
  event.height = height;
  event.value = value;
  event.message = message;
  post(event);
}

}  // namespace parley::api
