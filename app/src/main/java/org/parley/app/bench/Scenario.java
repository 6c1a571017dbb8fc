package org.parley.app.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The named network conditions of {@code --scenario}. A scenario only sets defaults: the
 * parser applies it before any explicit option, so {@code --scenario lossy --loss 5} runs with
 * 5 % loss and the scenario's jitter.
 */
public enum Scenario {
  /** No impairments. */
  CLEAN("no impairments", o -> {}),
  /** 3 % independent loss and 30 ms jitter. */
  LOSSY(
      "3 % loss, 30 ms jitter",
      o -> {
        o.lossPercent = 3;
        o.jitterMs = 30;
      }),
  /** A 600 kbps bottleneck each direction. */
  CONSTRAINED("600 kbps bottleneck", o -> o.capKbps = 600),
  /** 10 % loss in bursts of 4 packets on average, and 80 ms jitter. */
  HARSH(
      "10 % loss in bursts of 4, 80 ms jitter",
      o -> {
        o.lossPercent = 10;
        o.burstLength = 4;
        o.jitterMs = 80;
      });

  private final String description;
  private final Consumer<BenchOptions> defaults;

  Scenario(String description, Consumer<BenchOptions> defaults) {
    this.description = description;
    this.defaults = defaults;
  }

  /** The name used on the command line. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What the scenario sets, for the usage text. */
  public String description() {
    return description;
  }

  /** Sets this scenario's defaults on {@code options}. */
  void applyTo(BenchOptions options) {
    options.scenario = optionName();
    defaults.accept(options);
  }

  /** The scenario with this command-line name, if any. */
  public static Optional<Scenario> byName(String name) {
    return Arrays.stream(values()).filter(s -> s.optionName().equals(name)).findFirst();
  }

  /** The names joined with "|", for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Scenario::optionName).collect(Collectors.joining("|"));
  }
}
