package org.parley.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the "timeline" of a pipeline run as a PNG with XChart: capture-to-render latency on
 * top, achieved and target bitrate below, both over seconds into the run. Samples whose figure
 * was not measured (-1) are left out of that series. Works headless (no display needed). The
 * caller handles the {@link IOException} of a file it cannot write.
 */
public final class BenchPlot {
  /** Width of the image in pixels. */
  public static final int WIDTH = 1000;
  /** Height of each of the two stacked charts in pixels; the image is twice as high. */
  public static final int CHART_HEIGHT = 360;

  private static final String NO_DATA = " (no samples)";

  private BenchPlot() {}

  /** Writes the plot of {@code result} to {@code file} as a PNG, replacing it. */
  public static void write(BenchResult result, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(result, out);
    }
  }

  /** Writes the plot of {@code result} to {@code out} as a PNG. */
  public static void write(BenchResult result, OutputStream out) throws IOException {
    XYChart latency = chart("Capture-to-render latency", "ms");
    addSeries(latency, "latency", result.timeline, s -> s.latencyMs);
    XYChart bitrate = chart("Video bitrate", "kbps");
    addSeries(bitrate, "achieved", result.timeline, s -> s.bitrateKbps);
    addSeries(bitrate, "target", result.timeline, s -> s.targetKbps);
    sameTimeAxis(result.timeline, latency, bitrate);
    BitmapEncoder.saveBitmap(List.of(latency, bitrate), 2, 1, out,
        BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart chart(String title, String unit) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(CHART_HEIGHT)
            .title(title)
            .xAxisTitle("seconds into the run")
            .yAxisTitle(unit)
            .build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setYAxisMin(0.0);
    return chart;
  }

  /** Gives both charts the run's time span, so their x axes line up. */
  private static void sameTimeAxis(List<BenchResult.Sample> timeline, XYChart... charts) {
    double first = Double.MAX_VALUE;
    double last = -Double.MAX_VALUE;
    for (BenchResult.Sample sample : timeline) {
      if (sample.t >= 0) {
        first = Math.min(first, sample.t);
        last = Math.max(last, sample.t);
      }
    }
    if (first >= last) {
      return;
    }
    for (XYChart chart : charts) {
      chart.getStyler().setXAxisMin(first);
      chart.getStyler().setXAxisMax(last);
    }
  }

  private static void addSeries(
      XYChart chart, String name, List<BenchResult.Sample> timeline,
      ToDoubleFunction<BenchResult.Sample> figure) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (BenchResult.Sample sample : timeline) {
      double y = figure.applyAsDouble(sample);
      if (sample.t >= 0 && y >= 0 && Double.isFinite(y)) {
        xs.add(sample.t);
        ys.add(y);
      }
    }
    if (xs.isEmpty()) {
      // XChart needs at least one point per series; the title says so instead.
      if (!chart.getTitle().endsWith(NO_DATA)) {
        chart.setTitle(chart.getTitle() + NO_DATA);
      }
      return;
    }
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setMarker(SeriesMarkers.NONE);
  }
}
