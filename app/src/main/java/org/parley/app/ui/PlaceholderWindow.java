package org.parley.app.ui;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.BorderLayout;
import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.parley.app.ParleyVersion;
import org.parley.media.jni.NativeLibrary;
import org.parley.media.jni.NativeVersions;

/**
 * Stand-in for the desktop app until the calling UI exists: a FlatLaf window that shows the
 * versions of the loaded native libraries, proving the jar's natives work on this machine.
 */
public final class PlaceholderWindow {
  private PlaceholderWindow() {}

  /** Opens the window; returns 0, or 1 when there is no display to open it on. */
  public static int open(PrintStream err) {
    if (GraphicsEnvironment.isHeadless()) {
      err.println(
          "parley: no display is available to open the window (set DISPLAY, or run"
              + " 'java -jar parley.jar --help' for commands that need none)");
      return 1;
    }
    String text;
    try {
      text = describe(NativeLibrary.versions());
    } catch (UnsatisfiedLinkError | IllegalStateException e) {
      text = "<html><b>The media core could not be loaded.</b><br>" + e.getMessage() + "</html>";
    }
    String body = text;
    SwingUtilities.invokeLater(() -> show(body));
    return 0;
  }

  private static String describe(NativeVersions versions) {
    return "<html><h2>Parley "
        + ParleyVersion.get()
        + "</h2>"
        + "native core "
        + versions.core()
        + " (API "
        + versions.apiVersion()
        + ")<br>libvpx "
        + versions.vpx()
        + "<br>"
        + versions.opus()
        + "<br>OpenCV "
        + versions.opencv()
        + "</html>";
  }

  private static void show(String text) {
    FlatLightLaf.setup();
    JFrame frame = new JFrame("Parley");
    frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
    JPanel panel = new JPanel(new BorderLayout());
    panel.setBorder(BorderFactory.createEmptyBorder(24, 32, 24, 32));
    panel.add(new JLabel(text, SwingConstants.CENTER), BorderLayout.CENTER);
    frame.setContentPane(panel);
    frame.setSize(480, 300);
    frame.setLocationRelativeTo(null);
    frame.setVisible(true);
  }
}
