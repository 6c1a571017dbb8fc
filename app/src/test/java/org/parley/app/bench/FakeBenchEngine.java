package org.parley.app.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BenchEngine} for tests: hands out fixed JSON, finishes after a set number of waits
 * (or only once cancelled), and counts what the command did to it.
 */
final class FakeBenchEngine implements BenchEngine {
  String resultJson = Fixtures.read(Fixtures.TWO_WAY);
  /** What {@code resultJson()} gives after a cancel, if not null. */
  String cancelledResultJson;
  String rawJson = Fixtures.read(Fixtures.RAW);
  String progressJson = "{\"elapsedSeconds\":1.5,\"framesRendered\":40,\"latencyP50Ms\":50,"
      + "\"bitrateKbps\":900}";
  /** Waits that return false before the run counts as finished. */
  int unfinishedWaits;
  /** The run only finishes when cancelled. */
  boolean finishOnlyWhenCancelled;
  RuntimeException startFailure;
  RuntimeException rawFailure;

  final AtomicInteger pipelineStarts = new AtomicInteger();
  final AtomicInteger rawRuns = new AtomicInteger();
  final AtomicInteger cancels = new AtomicInteger();
  final AtomicInteger closes = new AtomicInteger();
  final AtomicInteger progressReads = new AtomicInteger();
  /** Counted down on the first wait: the run is under way. */
  final CountDownLatch waiting = new CountDownLatch(1);
  private final CountDownLatch cancelled = new CountDownLatch(1);
  volatile BenchOptions lastOptions;

  @Override
  public Run startPipeline(BenchOptions options, long windowHandle) {
    lastOptions = options;
    if (startFailure != null) {
      throw startFailure;
    }
    pipelineStarts.incrementAndGet();
    return new FakeRun();
  }

  @Override
  public String runRawCodec(BenchOptions options) {
    lastOptions = options;
    if (rawFailure != null) {
      throw rawFailure;
    }
    rawRuns.incrementAndGet();
    return rawJson;
  }

  private final class FakeRun implements Run {
    private int waits;

    @Override
    public void cancel() {
      cancels.incrementAndGet();
      cancelled.countDown();
    }

    @Override
    public boolean waitFinished(int timeoutMs) {
      waiting.countDown();
      if (finishOnlyWhenCancelled) {
        try {
          return cancelled.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return waits++ >= unfinishedWaits;
    }

    @Override
    public String progressJson() {
      progressReads.incrementAndGet();
      return progressJson;
    }

    @Override
    public String resultJson() {
      return cancels.get() > 0 && cancelledResultJson != null ? cancelledResultJson : resultJson;
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }
}
