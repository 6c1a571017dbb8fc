package org.parley.app.ui.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The video settings offered: capture sizes, frame rates and bitrate caps, each with the words
 * shown. A value saved earlier that is not among them (edited by hand) is offered too, so opening
 * the dialog never changes it.
 */
final class VideoChoices {
  private VideoChoices() {}

  /** A capture size. */
  record Resolution(int width, int height) {
    @Override
    public String toString() {
      return width + " \u00d7 " + height;
    }
  }

  /** A frame rate. */
  record Fps(int fps) {
    @Override
    public String toString() {
      return fps + " fps";
    }
  }

  /** A bitrate cap; 0 is automatic. */
  record Bitrate(int kbps) {
    @Override
    public String toString() {
      return kbps == 0 ? "Automatic" : kbps + " kbps";
    }
  }

  static List<Resolution> resolutions(int savedWidth, int savedHeight) {
    return withSaved(List.of(new Resolution(320, 240), new Resolution(640, 480), new Resolution(1280, 720)),
        new Resolution(savedWidth, savedHeight));
  }

  static List<Fps> frameRates(int saved) {
    return withSaved(List.of(new Fps(15), new Fps(30)), new Fps(saved));
  }

  static List<Bitrate> bitrates(int saved) {
    return withSaved(List.of(new Bitrate(0), new Bitrate(300), new Bitrate(600), new Bitrate(1000),
        new Bitrate(2000)), new Bitrate(saved));
  }

  private static <T> List<T> withSaved(List<T> offered, T saved) {
    if (offered.contains(saved)) {
      return offered;
    }
    List<T> out = new ArrayList<>(offered);
    out.add(saved);
    return out;
  }
}
