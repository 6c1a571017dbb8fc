package org.parley.sdk.call;

/**
 * Turns successive {@link MediaStats} of one call into network quality both ways. Download: loss
 * of what we receive over the last interval, RTT and our measured jitter. Upload: what the peer's
 * RTCP feedback tells about our stream, i.e. NACKs received per packet sent over the interval
 * (RFC 4585 generic NACK: the peer missed them) and the RTT from its receiver reports (RFC 3550
 * 6.4.1). Not thread-safe; one per call on the SDK event thread.
 */
final class QualityMeter {
  private MediaStats last;

  /** Upload and download quality for the interval since the previous call. */
  NetworkQuality[] update(MediaStats now) {
    MediaStats prev = last;
    last = now;
    if (prev == null) {
      return new NetworkQuality[] {NetworkQuality.UNKNOWN, NetworkQuality.UNKNOWN};
    }
    long received = Math.max(0, now.packetsReceived() - prev.packetsReceived());
    long lost = Math.max(0, now.packetsLost() - prev.packetsLost());
    NetworkQuality down;
    if (received + lost == 0) {
      down = NetworkQuality.VERY_BAD; // nothing at all arrived in the interval
    } else {
      down = NetworkQuality.of(100.0 * lost / (received + lost), now.rttMs(), now.jitterMs());
    }
    long sent = Math.max(0, now.packetsSent() - prev.packetsSent());
    long nacks = Math.max(0, now.nacksReceived() - prev.nacksReceived());
    NetworkQuality up =
        sent == 0
            ? NetworkQuality.UNKNOWN
            : NetworkQuality.of(Math.min(100.0, 100.0 * nacks / sent), now.rttMs(), -1);
    return new NetworkQuality[] {up, down};
  }
}
