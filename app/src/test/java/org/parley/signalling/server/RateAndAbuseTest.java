package org.parley.signalling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate limiter, abuse policy and missed-call store on a hand-moved clock. */
class RateAndAbuseTest {
  private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

  @Test
  void tokenBucketAllowsTheBurstThenTheRate() {
    TokenBucket b = new TokenBucket(50, 100, T0);
    int taken = 0;
    for (int i = 0; i < 150; i++) {
      taken += b.tryTake(T0) ? 1 : 0;
    }
    assertEquals(100, taken, "the burst");
    assertFalse(b.tryTake(T0.plusMillis(19)), "less than one token after 19 ms");
    assertTrue(b.tryTake(T0.plusMillis(20)), "one token after 20 ms at 50/s");
    taken = 0;
    for (int i = 0; i < 200; i++) {
      taken += b.tryTake(T0.plusSeconds(10)) ? 1 : 0;
    }
    assertEquals(100, taken, "refill is capped at the burst");
    assertFalse(b.tryTake(T0), "a clock going back gives nothing");
  }

  @Test
  void moreThanTwentyErrorsInTenSecondsIsAbuse() {
    AbusePolicy p = new AbusePolicy(50, T0);
    for (int i = 0; i < 20; i++) {
      assertFalse(p.recordError(T0.plusMillis(100L * i)), "error " + (i + 1));
    }
    assertTrue(p.recordError(T0.plusMillis(2100)), "the 21st within 10 s");
    AbusePolicy slow = new AbusePolicy(50, T0);
    for (int i = 0; i < 100; i++) {
      assertFalse(slow.recordError(T0.plusSeconds(i)), "one per second is tolerated");
    }
  }

  @Test
  void sustainedTrafficOverFourTimesTheRateIsAbuse() {
    AbusePolicy p = new AbusePolicy(10, T0); // 4 x 10/s x 5 s = 200 per window
    for (int i = 0; i < 200; i++) {
      assertFalse(p.recordMessage(T0.plusMillis(i)));
    }
    assertTrue(p.recordMessage(T0.plusMillis(300)));
    AbusePolicy q = new AbusePolicy(10, T0);
    for (int s = 0; s < 60; s++) { // 30 msg/s for a minute: over the rate, under 4x
      for (int i = 0; i < 30; i++) {
        assertFalse(q.recordMessage(T0.plusMillis(s * 1000L + i * 33L)));
      }
    }
  }

  @Test
  void missedCallsAreBoundedAndExpire() {
    MissedCallStore store = new MissedCallStore(3, Duration.ofDays(7), 2);
    for (int i = 0; i < 5; i++) {
      assertTrue(store.add("dave", new MissedCallStore.MissedCall("call-000" + i, "alice", true,
          null, T0.plusSeconds(i))));
    }
    assertTrue(store.add("erin", new MissedCallStore.MissedCall("call-e", "a", false, null, T0)));
    assertFalse(store.add("frank", new MissedCallStore.MissedCall("call-f", "a", false, null,
        T0)), "no room for a third user");
    List<MissedCallStore.MissedCall> dave = store.take("dave", T0.plusSeconds(10));
    assertEquals(List.of("call-0002", "call-0003", "call-0004"),
        dave.stream().map(MissedCallStore.MissedCall::callId).toList());
    assertTrue(store.take("dave", T0.plusSeconds(10)).isEmpty(), "taken once");
    assertTrue(store.take("erin", T0.plus(Duration.ofDays(7))).isEmpty(), "expired");
  }
}
