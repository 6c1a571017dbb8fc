package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The window of {@code --window} on a real display (run under {@code xvfb-run -a}). */
class BenchWindowTest {
  @Test
  void opensAndGivesANativeHandle() {
    Assumptions.assumeFalse(GraphicsEnvironment.isHeadless(), "needs a display (xvfb-run -a)");
    try (BenchWindow window = BenchWindow.open(320, 240, () -> {})) {
      assertNotEquals(0L, window.handle());
    }
  }
}
