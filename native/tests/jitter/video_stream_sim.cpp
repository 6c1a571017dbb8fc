#include "video_stream_sim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

namespace parley::jitter::test {

// --- VideoStreamGenerator ---

std::vector<video::VideoPacket> VideoStreamGenerator::nextFrame(int64_t captureUs) {
  if (originUs_ < 0) {
    originUs_ = captureUs;
    nextSequence_ = options_.firstSequence;
  }
  const int index = frameIndex_++;
  const bool periodic = index > 0 && options_.keyframeInterval > 0 &&
                        index % options_.keyframeInterval == 0;
  const bool keyframe = (index == 0 && options_.firstFrameKeyframe) || periodic ||
                        keyframeRequested_;
  if (keyframe) keyframeRequested_ = false;
  keyframes_.push_back(keyframe);
  const int64_t timestamp = options_.firstTimestamp + ((captureUs - originUs_) * 90 + 500) / 1000;

  std::vector<video::VideoPacket> packets;
  for (int p = 0; p < options_.packetsPerFrame; ++p) {
    video::VideoPacket packet;
    packet.sequence = nextSequence_++;
    packet.rtpTimestamp = timestamp;
    packet.frameStart = p == 0;
    packet.marker = p == options_.packetsPerFrame - 1;
    packet.keyframe = keyframe && p == 0;
    packet.pictureId = index & 0x7fff;
    packet.payload.resize(static_cast<size_t>(std::max(options_.payloadBytes, 5)));
    packet.payload[0] = static_cast<uint8_t>(index >> 24);
    packet.payload[1] = static_cast<uint8_t>(index >> 16);
    packet.payload[2] = static_cast<uint8_t>(index >> 8);
    packet.payload[3] = static_cast<uint8_t>(index);
    packet.payload[4] = static_cast<uint8_t>(p);
    for (size_t i = 5; i < packet.payload.size(); ++i) {
      packet.payload[i] = static_cast<uint8_t>(index + p + static_cast<int>(i));
    }
    packets.push_back(std::move(packet));
  }
  return packets;
}

bool VideoStreamGenerator::wasKeyframe(int frameIndex) const {
  return frameIndex >= 0 && static_cast<size_t>(frameIndex) < keyframes_.size() &&
         keyframes_[static_cast<size_t>(frameIndex)];
}

int VideoStreamGenerator::frameIndexOf(const video::EncodedVideoFrame& frame) {
  if (frame.data.size() < 4) return -1;
  return (frame.data[0] << 24) | (frame.data[1] << 16) | (frame.data[2] << 8) | frame.data[3];
}

bool VideoStreamGenerator::isIntact(const video::EncodedVideoFrame& frame) const {
  const size_t packetBytes = static_cast<size_t>(std::max(options_.payloadBytes, 5));
  if (frame.data.size() != packetBytes * static_cast<size_t>(options_.packetsPerFrame)) {
    return false;
  }
  const int index = frameIndexOf(frame);
  for (int p = 0; p < options_.packetsPerFrame; ++p) {
    const uint8_t* payload = frame.data.data() + packetBytes * static_cast<size_t>(p);
    const int payloadIndex =
        (payload[0] << 24) | (payload[1] << 16) | (payload[2] << 8) | payload[3];
    if (payloadIndex != index || payload[4] != p) return false;
    for (size_t i = 5; i < packetBytes; ++i) {
      if (payload[i] != static_cast<uint8_t>(index + p + static_cast<int>(i))) return false;
    }
  }
  return true;
}

// --- SimulatedLink ---

void SimulatedLink::sendBurst(std::vector<video::VideoPacket> packets, int64_t sendUs) {
  std::uniform_int_distribution<int64_t> jitter(0, std::max<int64_t>(options_.jitterUs, 0));
  const int64_t extraUs = jitter(rng_);
  for (size_t i = 0; i < packets.size(); ++i) {
    const int64_t arrivalUs = sendUs + options_.latencyUs + extraUs +
                              static_cast<int64_t>(i) * options_.packetSpacingUs;
    schedule(std::move(packets[i]), arrivalUs);
  }
}

void SimulatedLink::send(video::VideoPacket packet, int64_t sendUs) {
  std::vector<video::VideoPacket> one;
  one.push_back(std::move(packet));
  sendBurst(std::move(one), sendUs);
}

void SimulatedLink::schedule(video::VideoPacket packet, int64_t arrivalUs) {
  std::uniform_real_distribution<double> roll(0.0, 1.0);
  const bool randomLoss = roll(rng_) < options_.lossRate;
  const bool duplicate = roll(rng_) < options_.duplicateRate;
  if (randomLoss || (options_.drop && options_.drop(packet))) return;
  if (options_.extraDelayUs) arrivalUs += options_.extraDelayUs(packet);
  if (duplicate) {
    ++duplicates_;
    inFlight_.emplace(arrivalUs + 50, packet);
  }
  inFlight_.emplace(arrivalUs, std::move(packet));
}

int64_t SimulatedLink::nextArrivalUs() const {
  return inFlight_.empty() ? INT64_MAX : inFlight_.begin()->first;
}

std::vector<video::VideoPacket> SimulatedLink::deliverDue(int64_t nowUs) {
  std::vector<video::VideoPacket> due;
  while (!inFlight_.empty() && inFlight_.begin()->first <= nowUs) {
    auto node = inFlight_.extract(inFlight_.begin());
    node.mapped().arrivalTimeUs = node.key();
    due.push_back(std::move(node.mapped()));
  }
  return due;
}

// --- CallSimulation ---

CallSimulation::CallSimulation(const SimOptions& options)
    : options_(options),
      sender_(options.stream),
      link_(options.link),
      buffer_(options.buffer),
      scheduleOriginUs_(clock_.nowUs()),
      nextSendUs_(clock_.nowUs()) {
  if (options_.reportRtt) buffer_.setRttMs(options_.rttMs);
}

void CallSimulation::resumeSending() {
  if (sending_) return;
  sending_ = true;
  scheduleOriginUs_ = clock_.nowUs();
  scheduleCount_ = 0;
  nextSendUs_ = scheduleOriginUs_;
}

std::vector<int64_t> CallSimulation::nackTimesFor(int64_t sequence) const {
  std::vector<int64_t> times;
  for (const NackEvent& nack : nacks_) {
    if (nack.sequence == sequence) times.push_back(nack.atUs);
  }
  return times;
}

void CallSimulation::runForMs(int64_t ms) {
  const int64_t endUs = clock_.nowUs() + ms * 1000;
  int stuck = 0;
  while (true) {
    const int64_t nowUs = clock_.nowUs();
    step(nowUs);
    if (nowUs >= endUs) break;
    const int64_t nextUs = std::min({sending_ ? nextSendUs_ : INT64_MAX, link_.nextArrivalUs(),
                                     buffer_.nextEventUs(), endUs});
    if (nextUs <= nowUs) {
      if (++stuck > 3) {
        ADD_FAILURE() << "nextEventUs() stays at " << nextUs << " while now is " << nowUs;
        break;
      }
      continue;
    }
    stuck = 0;
    clock_.setUs(nextUs);
  }
}

void CallSimulation::sendFrame(int64_t nowUs) {
  if (nowUs >= keyframeDueUs_) {
    sender_.requestKeyframe();
    keyframeDueUs_ = INT64_MAX;
  }
  const int index = sender_.framesMade();
  std::vector<video::VideoPacket> packets = sender_.nextFrame(nowUs);
  sentUs_[index] = nowUs;
  for (const video::VideoPacket& packet : packets) {
    history_[packet.sequence] = packet;
    if (history_.size() > 4096) history_.erase(history_.begin());
  }
  link_.sendBurst(std::move(packets), nowUs);
}

void CallSimulation::step(int64_t nowUs) {
  if (sending_ && nowUs >= nextSendUs_) {
    sendFrame(nowUs);
    ++scheduleCount_;
    nextSendUs_ = scheduleOriginUs_ + scheduleCount_ * 1'000'000 / options_.stream.fps;
  }
  for (video::VideoPacket& packet : link_.deliverDue(nowUs)) {
    buffer_.insertPacket(std::move(packet), nowUs);
  }
  const int64_t rttUs = int64_t{options_.rttMs} * 1000;
  for (int64_t sequence : buffer_.nackList(nowUs)) {
    nacks_.push_back(NackEvent{nowUs, sequence});
    auto it = history_.find(sequence);
    if (!options_.answerNacks || it == history_.end()) continue;
    video::VideoPacket copy = it->second;
    copy.retransmitted = options_.markRetransmissions;
    link_.send(std::move(copy), nowUs + std::max<int64_t>(rttUs - link_.options().latencyUs, 0));
  }
  if (buffer_.takeKeyframeRequest(nowUs)) {
    keyframeRequests_.push_back(nowUs);
    if (options_.answerKeyframeRequests) {
      keyframeDueUs_ = std::min(keyframeDueUs_, nowUs + rttUs / 2);
    }
  }
  while (std::optional<video::EncodedVideoFrame> frame = buffer_.popFrame(nowUs)) {
    DeliveredFrame out;
    out.frameIndex = VideoStreamGenerator::frameIndexOf(*frame);
    out.keyframe = frame->keyframe;
    out.popUs = nowUs;
    auto sent = sentUs_.find(out.frameIndex);
    out.sentUs = sent == sentUs_.end() ? -1 : sent->second;
    out.lastArrivalUs = frame->lastArrivalUs;
    out.intact = sender_.isIntact(*frame);
    delivered_.push_back(out);
  }
  if (onStep) onStep(nowUs);
}

}  // namespace parley::jitter::test
