package org.parley.signalling.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Decides when a connection is abusive (then closed with 1008): more than
 * {@link #MAX_ERRORS} errors within {@link #ERROR_WINDOW}, or a traffic window of
 * {@link #TRAFFIC_WINDOW} carrying over {@link #TRAFFIC_FACTOR} times the rate limit. Time
 * comes from the caller. Not thread-safe.
 */
final class AbusePolicy {
  static final int MAX_ERRORS = 20;
  static final Duration ERROR_WINDOW = Duration.ofSeconds(10);
  static final Duration TRAFFIC_WINDOW = Duration.ofSeconds(5);
  static final int TRAFFIC_FACTOR = 4;

  private final ArrayDeque<Instant> errors = new ArrayDeque<>();
  private final long maxMessagesPerWindow;
  private Instant windowStart;
  private long messagesInWindow;

  AbusePolicy(double ratePerSecond, Instant now) {
    this.maxMessagesPerWindow =
        (long) Math.ceil(TRAFFIC_FACTOR * ratePerSecond * TRAFFIC_WINDOW.toMillis() / 1000.0);
    this.windowStart = now;
  }

  /** Counts an error answered at {@code now}; true when the connection is now abusive. */
  boolean recordError(Instant now) {
    errors.addLast(now);
    Instant horizon = now.minus(ERROR_WINDOW);
    while (!errors.isEmpty() && !errors.peekFirst().isAfter(horizon)) {
      errors.removeFirst();
    }
    return errors.size() > MAX_ERRORS;
  }

  /** Counts a received frame at {@code now}; true when the traffic is abusive. */
  boolean recordMessage(Instant now) {
    if (!now.isBefore(windowStart.plus(TRAFFIC_WINDOW))) {
      windowStart = now;
      messagesInWindow = 0;
    }
    messagesInWindow++;
    return messagesInWindow > maxMessagesPerWindow;
  }
}
