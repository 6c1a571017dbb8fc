#include "congestion/inter_arrival.h"

namespace parley::congestion {

bool InterArrival::belongsToCurrent(int64_t sendUs, int64_t arrivalUs) const {
  // Section 5.2: same burst of departures.
  if (sendUs - current_.firstSendUs <= config_.burstUs) return true;
  // Section 5.2: a burst of arrivals released by a queue on the path: the
  // packet arrives within burstUs of the previous one, and it came closer to
  // it than it was sent (negative delay variation).
  const int64_t arrivalDelta = arrivalUs - current_.lastArrivalUs;
  const int64_t sendDelta = sendUs - current_.lastSendUs;
  return arrivalDelta < config_.burstUs && arrivalDelta - sendDelta < 0;
}

void InterArrival::reset() {
  current_ = Group{};
  previous_ = Group{};
  ++stats_.resets;
}

bool InterArrival::onPacket(int64_t sendUs, int64_t arrivalUs, size_t sizeBytes, Deltas* deltas) {
  ++stats_.packets;
  if (current_.valid) {
    if (arrivalUs < current_.lastArrivalUs ||
        arrivalUs - current_.lastArrivalUs > config_.resetGapUs) {
      reset();
    } else if (sendUs < current_.firstSendUs) {
      ++stats_.reordered;
      return false;
    }
  }
  if (!current_.valid) {
    current_ = Group{true, sendUs, sendUs, arrivalUs, arrivalUs, static_cast<int64_t>(sizeBytes)};
    return false;
  }
  if (belongsToCurrent(sendUs, arrivalUs)) {
    if (sendUs > current_.lastSendUs) current_.lastSendUs = sendUs;
    current_.lastArrivalUs = arrivalUs;
    current_.sizeBytes += static_cast<int64_t>(sizeBytes);
    return false;
  }
  // The packet starts a new group: the current one is complete.
  bool reported = false;
  ++stats_.groups;
  if (previous_.valid) {
    deltas->sendDeltaUs = current_.lastSendUs - previous_.lastSendUs;
    deltas->arrivalDeltaUs = current_.lastArrivalUs - previous_.lastArrivalUs;
    deltas->sizeDeltaBytes = current_.sizeBytes - previous_.sizeBytes;
    deltas->arrivalUs = current_.lastArrivalUs;
    reported = true;
  }
  previous_ = current_;
  current_ = Group{true, sendUs, sendUs, arrivalUs, arrivalUs, static_cast<int64_t>(sizeBytes)};
  return reported;
}

}  // namespace parley::congestion
