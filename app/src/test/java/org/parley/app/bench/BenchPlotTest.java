package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPlotTest {

  private static BufferedImage plotOf(String fixture, Path dir) throws IOException {
    Path file = dir.resolve("plot.png");
    BenchPlot.write(BenchResult.parse(Fixtures.read(fixture)), file);
    assertTrue(Files.size(file) > 1000, "PNG is too small: " + Files.size(file));
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "not a readable image");
    return image;
  }

  @Test
  void writesTwoStackedChartsAsPng(@TempDir Path dir) throws IOException {
    BufferedImage image = plotOf(Fixtures.TWO_WAY, dir);
    assertEquals(BenchPlot.WIDTH, image.getWidth());
    assertEquals(2 * BenchPlot.CHART_HEIGHT, image.getHeight());
  }

  @Test
  void anEmptyTimelineStillPlots(@TempDir Path dir) throws IOException {
    BufferedImage image = plotOf(Fixtures.ONE_WAY_PARTIAL, dir);
    assertEquals(BenchPlot.WIDTH, image.getWidth());
    assertEquals(2 * BenchPlot.CHART_HEIGHT, image.getHeight());
  }

  @Test
  void anUnwritablePathIsAnIoError(@TempDir Path dir) {
    Path file = dir.resolve("missing-folder").resolve("plot.png");
    BenchResult result = BenchResult.parse(Fixtures.read(Fixtures.TWO_WAY));
    org.junit.jupiter.api.Assertions.assertThrows(
        IOException.class, () -> BenchPlot.write(result, file));
  }
}
