package org.parley.media.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The native bench through the binding: a short real run, a cancelled one, bad settings. */
class BenchRunTest {
  private static BenchSettings small() {
    return new BenchSettings().width(320).height(240).fps(15).seconds(2).warmupSeconds(0.5);
  }

  /** The first number after {@code "name":} in a JSON text (the result is flat per block). */
  private static double number(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
    assertTrue(m.find(), name + " in " + json);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void aShortRunRendersFramesAndReportsThem() {
    try (BenchRun run = new BenchRun(small())) {
      assertEquals("", run.resultJson(), "no result before the run");
      run.start();
      assertThrows(IllegalStateException.class, run::start);
      assertTrue(run.waitFinished(60_000), "a 2 s run ends");
      String result = run.resultJson();
      assertTrue(result.matches("(?s).*\"completed\"\\s*:\\s*true.*"), result);
      assertTrue(number(result, "framesRendered") > 0, result);
      assertTrue(number(result, "peakRssKb") > 0, result);
      assertTrue(result.contains("\"timeline\""), result);
    }
  }

  @Test
  void cancelEndsARunEarlyWithWhatRan() {
    try (BenchRun run = new BenchRun(small().seconds(600))) {
      run.start();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (number(run.progressJson(), "elapsedSeconds") < 1 && System.nanoTime() < deadline) {
        assertTrue(!run.waitFinished(100));
      }
      run.cancel();
      assertTrue(run.waitFinished(30_000), "cancel ends the run");
      String result = run.resultJson();
      assertTrue(result.matches("(?s).*\"completed\"\\s*:\\s*false.*"), result);
      assertTrue(number(result, "framesCaptured") > 0, result);
    }
  }

  @Test
  void badSettingsAreNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new BenchRun(small().fps(0)));
    assertTrue(e.getMessage().contains("fps"), e.getMessage());
  }

  @Test
  void rawCodecRunsLibvpxAlone() {
    String raw = BenchRun.runRawCodec(small().seconds(1));
    assertTrue(raw.contains("\"raw-codec\""), raw);
    assertTrue(number(raw, "frames") > 0, raw);
  }
}
