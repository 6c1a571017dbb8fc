package org.parley.app.bench;

/**
 * Runs the native bench: the pipeline (both calls' real send and receive paths over the
 * simulated network) or libvpx alone. The production engine is {@link NativeBenchEngine}; tests
 * use a fake.
 */
public interface BenchEngine {
  /**
   * Creates and starts a pipeline run with these options, drawing the received video into
   * {@code windowHandle} (0: none). The caller must close the run.
   *
   * @throws IllegalArgumentException naming a setting the native side refuses
   */
  Run startPipeline(BenchOptions options, long windowHandle);

  /**
   * Runs libvpx alone on the same frames; blocks for the length of the run and cannot be
   * cancelled. Returns the raw codec JSON of docs/bench.md.
   *
   * @throws IllegalArgumentException naming a setting the native side refuses
   */
  String runRawCodec(BenchOptions options);

  /** One started pipeline run, see {@code org.parley.media.bench.BenchRun}. */
  interface Run extends AutoCloseable {
    /** Ends the run early; the result then covers what ran. Any thread. */
    void cancel();

    /** Waits up to {@code timeoutMs} for the run to end; true when it has. */
    boolean waitFinished(int timeoutMs);

    /** The figures so far as one line of JSON (elapsedSeconds, framesRendered, ...). */
    String progressJson();

    /** The result JSON once finished, "" before. */
    String resultJson();

    /** Cancels if running, waits and frees the native side. */
    @Override
    void close();
  }
}
