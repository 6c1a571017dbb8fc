package org.parley.app.ui.incoming;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;

class RingtoneTest {
  private static final long DEADLINE_MS = 30_000;

  /** Goertzel power of {@code hz} over samples [from, from+n) of the pattern, normalised. */
  private static double power(long from, int n, double hz) {
    double w = 2 * Math.PI * hz / RingPattern.SAMPLE_RATE;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double s0 = RingPattern.sampleAt(from + i) / (double) Short.MAX_VALUE + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return (s1 * s1 + s2 * s2 - coeff * s1 * s2) / ((double) n * n);
  }

  @Test
  void theBurstCarries440And480HzAndNothingElse() {
    long mid = RingPattern.ON_SAMPLES / 4;
    int n = (int) RingPattern.SAMPLE_RATE / 2; // 0.5 s: 2 Hz bins, the tones fall on bins exactly
    record Case(double hz, boolean present) {}
    for (Case c : List.of(new Case(440, true), new Case(480, true), new Case(350, false),
        new Case(620, false), new Case(1000, false))) {
      double p = power(mid, n, c.hz());
      if (c.present()) {
        assertTrue(p > 0.005, c.hz() + " Hz present: " + p);
      } else {
        assertTrue(p < 1e-5, c.hz() + " Hz absent: " + p);
      }
    }
  }

  @Test
  void twoSecondsOnFourSecondsOffRepeating() {
    record Case(String name, long from, long to, boolean silent) {}
    long on = RingPattern.ON_SAMPLES;
    long cycle = RingPattern.CYCLE_SAMPLES;
    for (Case c : List.of(
        new Case("first burst", 200, on - 200, false),
        new Case("first pause", on, cycle, true),
        new Case("second burst", cycle + 200, cycle + on - 200, false),
        new Case("second pause", cycle + on, 2 * cycle, true))) {
      int peak = 0;
      for (long i = c.from(); i < c.to(); i++) {
        peak = Math.max(peak, Math.abs(RingPattern.sampleAt(i)));
      }
      if (c.silent()) {
        assertEquals(0, peak, c.name());
      } else {
        assertTrue(peak > 0.3 * Short.MAX_VALUE, c.name() + " audible: " + peak);
        assertTrue(peak <= 0.4 * Short.MAX_VALUE + 1, c.name() + " not clipping: " + peak);
      }
    }
    assertEquals(0, RingPattern.sampleAt(0), "fades in from silence");
    assertEquals(2 * 6, (int) (cycle / RingPattern.SAMPLE_RATE * 2), "6 s cycle");
    for (long i = 1000; i < 1100; i++) {
      assertEquals(RingPattern.sampleAt(i), RingPattern.sampleAt(i + cycle), 1.0, "the cadence repeats at " + i);
    }
  }

  @Test
  void fillWritesLittleEndianSamplesAndContinues() {
    RingPattern p = new RingPattern();
    byte[] first = new byte[800];
    byte[] second = new byte[800];
    p.fill(first);
    p.fill(second);
    for (int i = 0; i < 400; i++) {
      assertEquals(RingPattern.sampleAt(i), (short) ((first[2 * i] & 0xff) | (first[2 * i + 1] << 8)));
      assertEquals(RingPattern.sampleAt(400 + i), (short) ((second[2 * i] & 0xff) | (second[2 * i + 1] << 8)));
    }
    assertThrows(IllegalArgumentException.class, () -> p.fill(new byte[3]));
  }

  private static long ringThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(SystemRingtone.THREAD_NAME) && t.isAlive()).count();
  }

  private static void waitForNoRingThread() throws InterruptedException {
    long end = System.currentTimeMillis() + DEADLINE_MS;
    while (ringThreads() > 0) {
      assertTrue(System.currentTimeMillis() < end, "ringtone thread still running");
      Thread.sleep(20);
    }
  }

  @Test
  void withoutAnAudioDeviceItIsSilentAndLeavesNoThread() throws Exception {
    AtomicInteger opens = new AtomicInteger();
    SystemRingtone r = new SystemRingtone(format -> {
      opens.incrementAndGet();
      throw new LineUnavailableException("no sound card");
    });
    r.start();
    assertTrue(r.awaitIdle(DEADLINE_MS), "the thread ends by itself");
    r.stop();
    r.start(); // a later call tries again
    r.stop();
    assertTrue(r.awaitIdle(DEADLINE_MS));
    waitForNoRingThread();
    assertTrue(opens.get() >= 1, "the device was tried");
  }

  /** A sink that accepts a few chunks, then blocks like a full device buffer until halted. */
  static final class BlockingSink implements SystemRingtone.Sink {
    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch halted = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    int writes;

    @Override
    public void write(byte[] pcm) {
      synchronized (this) {
        written.write(pcm, 0, pcm.length);
        writes++;
      }
      if (writes >= 3) {
        blocked.countDown();
        try {
          halted.await(DEADLINE_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void halt() {
      halted.countDown();
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  @Test
  void stopUnblocksAWriteClosesTheDeviceAndEndsTheThread() throws Exception {
    BlockingSink sink = new BlockingSink();
    SystemRingtone r = new SystemRingtone(format -> sink);
    r.start();
    r.start(); // already ringing: no second thread
    assertTrue(sink.blocked.await(DEADLINE_MS, TimeUnit.MILLISECONDS), "playing");
    assertEquals(1, ringThreads());
    r.stop();
    assertTrue(r.awaitIdle(DEADLINE_MS), "the thread ended");
    assertTrue(sink.closed.await(0, TimeUnit.MILLISECONDS), "the device was released");
    byte[] expected = new byte[sink.written.size()];
    new RingPattern().fill(expected);
    assertArrayEquals(expected, sink.written.toByteArray(), "the ring pattern was played");
    waitForNoRingThread();
  }

  @Test
  void theSystemRingtoneStartsAndStopsWithoutHangingOrLeaking() throws Exception {
    Ringtone r = Ringtone.system();
    r.start();
    r.stop();
    r.start();
    r.stop();
    r.stop();
    assertTrue(((SystemRingtone) r).awaitIdle(DEADLINE_MS), "stopped");
    waitForNoRingThread();
  }
}
