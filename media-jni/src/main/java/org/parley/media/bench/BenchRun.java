package org.parley.media.bench;

import java.util.Objects;
import org.parley.media.jni.ParleyCore;

/**
 * One run of the native bench: two calls' real send and receive paths in this process over the
 * simulated network, on a native thread of its own. {@link #start()} it, poll {@link
 * #progressJson()}, then read {@link #resultJson()} (the format is docs/bench.md). {@link
 * #cancel()} ends it early from any thread (Ctrl-C); the result then covers what ran. Close it to
 * free the native side (closing a running bench cancels it and waits).
 */
public final class BenchRun implements AutoCloseable {
  private final ParleyCore.BenchRun run;
  private boolean closed;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the bad setting
   */
  public BenchRun(BenchSettings settings) {
    Objects.requireNonNull(settings, "settings");
    try (ParleyCore.BenchSettings nativeSettings = settings.toNative()) {
      run = new ParleyCore.BenchRun(nativeSettings);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Starts the run in the background; throws IllegalStateException when called twice. */
  public synchronized void start() {
    checkOpen();
    try {
      run.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Ends the run early; safe from any thread and after it finished. */
  public void cancel() {
    ParleyCore.BenchRun target;
    synchronized (this) {
      if (closed) {
        return;
      }
      target = run;
    }
    target.cancel();
  }

  /** Waits up to {@code timeoutMs} for the run to end; true when it has. */
  public boolean waitFinished(int timeoutMs) {
    ParleyCore.BenchRun target;
    synchronized (this) {
      checkOpen();
      target = run;
    }
    return target.waitFinished(timeoutMs);
  }

  /** The figures so far as one line of JSON (elapsedSeconds, framesRendered, ...). */
  public synchronized String progressJson() {
    checkOpen();
    return run.progressJson();
  }

  /** The whole result as JSON once finished, "" before. */
  public synchronized String resultJson() {
    checkOpen();
    return run.resultJson();
  }

  /**
   * libvpx encode and decode alone on the bench's test-pattern frames, paced at the frame rate
   * for {@code settings.seconds()}; blocks. Returns the raw-codec JSON of docs/bench.md.
   *
   * @throws IllegalArgumentException for bad settings
   */
  public static String runRawCodec(BenchSettings settings) {
    try (ParleyCore.BenchSettings nativeSettings = settings.toNative()) {
      return ParleyCore.runRawCodecBench(nativeSettings);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Cancels a running bench, waits for it and frees the native side; safe to call twice. */
  @Override
  public void close() {
    ParleyCore.BenchRun target;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      target = run;
    }
    target.cancel();
    target.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the bench run is closed");
    }
  }
}
