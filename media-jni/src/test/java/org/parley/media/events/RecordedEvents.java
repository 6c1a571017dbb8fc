package org.parley.media.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Test support: a media-event listener that records events and waits for a given type. */
public final class RecordedEvents implements Consumer<MediaEvent> {
  private final BlockingQueue<MediaEvent> events = new LinkedBlockingQueue<>();
  private final List<MediaEvent> seen = new ArrayList<>();

  @Override
  public void accept(MediaEvent event) {
    events.add(event);
  }

  /** The next event of {@code type} (skipping others) within 10 s, or an assertion error. */
  public MediaEvent next(MediaEvent.Type type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      MediaEvent event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event == null) {
        continue;
      }
      seen.add(event);
      if (event.type() == type) {
        return event;
      }
    }
    throw new AssertionError("no " + type + " event within 10 s; saw " + seen);
  }
}
