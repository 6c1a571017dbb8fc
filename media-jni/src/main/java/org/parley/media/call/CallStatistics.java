package org.parley.media.call;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/** A snapshot of one call's media figures (safe to keep). */
public final class CallStatistics {
  private final long[] values;

  CallStatistics(long[] values) {
    this.values = Arrays.copyOf(values, values.length);
  }

  public long get(CallStatistic statistic) {
    return values[statistic.ordinal()];
  }

  /** Round-trip time, empty before the first RTCP report allowed one. */
  public OptionalLong rttMs() {
    long rtt = get(CallStatistic.RTT_MS);
    return rtt < 0 ? OptionalLong.empty() : OptionalLong.of(rtt);
  }

  /** How much later video is shown than its audio; empty before both streams have played. */
  public OptionalLong lipSyncOffsetMs() {
    long offset = get(CallStatistic.LIP_SYNC_OFFSET_MS);
    return offset == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(offset);
  }

  /** Share of played audio that was concealed (0..1), 0 before any audio played. */
  public double audioConcealedShare() {
    long played = get(CallStatistic.AUDIO_PLAYED_MS);
    return played <= 0 ? 0 : (double) get(CallStatistic.AUDIO_CONCEALED_MS) / played;
  }

  public Map<CallStatistic, Long> asMap() {
    Map<CallStatistic, Long> map = new EnumMap<>(CallStatistic.class);
    for (CallStatistic statistic : CallStatistic.values()) {
      map.put(statistic, get(statistic));
    }
    return map;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
