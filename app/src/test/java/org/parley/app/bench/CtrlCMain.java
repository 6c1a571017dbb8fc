package org.parley.app.bench;

import java.util.Arrays;

/**
 * A JVM for {@link CtrlCProcessTest}: {@code parley bench} on a fake engine whose run only ends
 * when cancelled, with the JVM's real shutdown hooks, exiting like Main does.
 */
final class CtrlCMain {
  private CtrlCMain() {}

  public static void main(String[] args) {
    FakeBenchEngine engine = new FakeBenchEngine();
    engine.finishOnlyWhenCancelled = true;
    engine.cancelledResultJson = Fixtures.read(Fixtures.ONE_WAY_PARTIAL);
    int status =
        new Bench(engine, ShutdownHooks.runtime(), System.out, System.err)
            .execute(Arrays.asList(args));
    System.exit(status);
  }
}
