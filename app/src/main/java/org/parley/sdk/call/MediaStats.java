package org.parley.sdk.call;

import java.util.Map;

/**
 * A snapshot of a call's media figures (safe to keep): what {@link CallItem#statistics()} holds.
 * Counters are totals since the media started.
 *
 * @param rttMs round-trip time from RTCP, -1 before it is known
 * @param packetsSent audio plus video RTP packets sent
 * @param packetsReceived audio plus video RTP packets received
 * @param packetsLost audio plus video packets the receiver counted lost
 * @param jitterMs the larger of the audio and video interarrival jitter (RFC 3550 6.4.1)
 * @param nacksReceived NACKs the peer sent us: how much of what we send it misses (RFC 4585)
 * @param framesRendered video frames drawn from the peer
 * @param all every figure the media reports, by name
 */
public record MediaStats(
    long rttMs,
    long packetsSent,
    long packetsReceived,
    long packetsLost,
    long jitterMs,
    long nacksReceived,
    long framesRendered,
    Map<String, Long> all) {
  /** No figures yet. */
  public static final MediaStats EMPTY = new MediaStats(-1, 0, 0, 0, -1, 0, 0, Map.of());

  public MediaStats {
    all = Map.copyOf(all);
  }
}
