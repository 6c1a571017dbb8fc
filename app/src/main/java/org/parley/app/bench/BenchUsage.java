package org.parley.app.bench;

/** The usage text of {@code parley bench --help}. */
public final class BenchUsage {
  private BenchUsage() {}

  /** The text, lines ending in "\n". */
  public static String text() {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        Usage: java -jar parley.jar bench [options]

        Runs the real send and receive paths of the native core in one process over a
        simulated network with the test-pattern camera, and prints latency, frames,
        freezes, encode/decode time, bitrate, loss repair, audio, CPU and memory.

        Video:
          --size WxH            resolution (default 1280x720); or --width N --height N
          --fps N               frame rate (default 30)
          --bitrate KBPS        fixed video bitrate (default: rate control)
          --min-kbps/--start-kbps/--max-kbps KBPS
                                rate control range and start (default 100/1500/2500)
          --speed N             libvpx cpu-used (default -6)
          --threads N           encoder threads (default 1)
        Network (each direction):
          --loss PCT            mean packet loss (default 0)
          --burst N             mean loss burst in packets (default 1: independent)
          --delay MS            one-way base delay (default 0)
          --jitter MS           extra delay, uniform in [0, MS] (default 0)
          --reorder PCT         share of packets that may overtake (default 0)
          --cap KBPS            bottleneck rate (default 0: none)
          --scenario NAME       defaults that explicit options override:
        """);
    for (Scenario scenario : Scenario.values()) {
      s.append(String.format("                          %-12s %s\n",
          scenario.optionName(), scenario.description()));
    }
    s.append(
        """
        Run:
          --seconds N           length of the run (default 10)
          --warmup N            seconds left out of the figures (default 2, at most 1/4 of
                                the run)
          --seed N              seed of the simulated network (default 1)
          --audio on|off        send Opus audio too (default on)
          --two-way | --one-way the far side sends video and audio back (default one-way)
          --srtp on|off         protect media with SRTP (default on)
          --freeze-ms N         a render gap over N ms counts as frozen (default 150)
          --sample-ms N         timeline resolution (default 250)
          --window              draw the received video in a window
          --raw-codec           first libvpx alone on the same frames, then the pipeline,
                                and the pipeline's CPU overhead ratio
          --raw-codec=only      libvpx alone, no pipeline
        Output:
          --json                one JSON object on stdout instead of the table
          --plot FILE.png       latency and bitrate over time, as a PNG
          --no-progress         no progress line on stderr
          --help                this text

        Ctrl-C ends the run early and prints the figures so far.
        Exit codes: 0 done, 1 the run failed, 2 bad options, 130 cancelled.
        """);
    return s.toString();
  }
}
