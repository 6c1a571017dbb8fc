package org.parley.app.bench;

import org.parley.media.bench.BenchRun;
import org.parley.media.bench.BenchSettings;

/**
 * The production {@link BenchEngine}: the native core's {@code parley::BenchRun} and raw codec
 * bench through media-jni. Loading the core may throw {@link LinkageError} or {@link
 * IllegalStateException} (no native library for this platform); the caller reports it.
 */
public final class NativeBenchEngine implements BenchEngine {
  @Override
  public Run startPipeline(BenchOptions options, long windowHandle) {
    BenchRun run = new BenchRun(settingsOf(options).windowHandle(windowHandle));
    try {
      run.start();
    } catch (RuntimeException e) {
      run.close();
      throw e;
    }
    return new NativeRun(run);
  }

  @Override
  public String runRawCodec(BenchOptions options) {
    return BenchRun.runRawCodec(settingsOf(options));
  }

  /** The native settings for these options; every field set, none left to the binding. */
  static BenchSettings settingsOf(BenchOptions o) {
    return new BenchSettings()
        .width(o.width())
        .height(o.height())
        .fps(o.fps())
        .bitrateKbps(o.bitrateKbps())
        .startKbps(o.startKbps())
        .minKbps(o.minKbps())
        .maxKbps(o.maxKbps())
        .encoderSpeed(o.encoderSpeed())
        .encoderThreads(o.encoderThreads())
        .lossPercent(o.lossPercent())
        .burstLength(o.burstLength())
        .delayMs(o.delayMs())
        .jitterMs(o.jitterMs())
        .reorderPercent(o.reorderPercent())
        .capKbps(o.capKbps())
        .seconds(o.seconds())
        .warmupSeconds(o.warmupSeconds())
        .seed(o.seed())
        .audio(o.audio())
        .twoWay(o.twoWay())
        .srtp(o.srtp())
        .windowHandle(0)
        .freezeThresholdMs(o.freezeThresholdMs())
        .sampleIntervalMs(o.sampleIntervalMs());
  }

  private static final class NativeRun implements Run {
    private final BenchRun run;

    NativeRun(BenchRun run) {
      this.run = run;
    }

    @Override
    public void cancel() {
      run.cancel();
    }

    @Override
    public boolean waitFinished(int timeoutMs) {
      return run.waitFinished(timeoutMs);
    }

    @Override
    public String progressJson() {
      return run.progressJson();
    }

    @Override
    public String resultJson() {
      return run.resultJson();
    }

    @Override
    public void close() {
      run.close();
    }
  }
}
