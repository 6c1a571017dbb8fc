package org.parley.app.ui.settings;

import java.awt.BorderLayout;
import java.io.IOException;
import java.util.concurrent.Executor;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import org.parley.app.ui.text.UserMessages;

/**
 * The microphone level meter of the settings dialog: a bar ({@code settings.level}) that
 * follows {@link LevelMeter#level()}, read every 50 ms by a Swing timer while a microphone is
 * open, and a line of words under it ({@code settings.level.status}) that says what to do or why
 * the microphone could not be opened. Opening and closing run on the dialog's worker; everything
 * else on the Swing thread.
 */
final class MicrophoneMeter extends JPanel {
  private static final long serialVersionUID = 1L;
  static final int POLL_MS = 50;

  private final transient LevelMeterSource source;
  private final transient Executor worker;
  private final JProgressBar bar = new JProgressBar(0, 100);
  private final JLabel status = new JLabel(" ");
  private final Timer poll;
  private transient LevelMeter meter;
  private int generation;
  private String plainStatus = "";
  private static final int WIDTH = 300;

  MicrophoneMeter(LevelMeterSource source, Executor worker) {
    super(new BorderLayout(0, 4));
    this.source = source;
    this.worker = worker;
    setOpaque(false);
    bar.setName("settings.level");
    bar.getAccessibleContext().setAccessibleName("Microphone level");
    bar.setStringPainted(false);
    status.setName("settings.level.status");
    status.putClientProperty("FlatLaf.styleClass", "secondary");
    status.setBorder(BorderFactory.createEmptyBorder(0, 2, 0, 0));
    add(bar, BorderLayout.NORTH);
    add(status, BorderLayout.CENTER);
    poll = new Timer(POLL_MS, e -> {
      if (meter != null) {
        bar.setValue(Math.max(0, Math.min(100, meter.level())));
      }
    });
  }

  /** Opens {@code microphoneId} (closing the one open before). */
  void open(String microphoneId) {
    close();
    int gen = ++generation;
    status(false, "Opening the microphone\u2026");
    worker.execute(() -> {
      LevelMeter opened;
      try {
        opened = source.open(microphoneId);
      } catch (IOException | RuntimeException e) {
        String why = UserMessages.deviceProblem("microphone", e.getMessage());
        String detail = e.getMessage();
        SwingUtilities.invokeLater(() -> {
          if (gen == generation) {
            bar.setEnabled(false);
            status(true, why);
            if (detail != null && !detail.isBlank()) {
              status.setToolTipText(why + " (" + detail + ")");
            }
          }
        });
        return;
      }
      SwingUtilities.invokeLater(() -> {
        if (gen != generation) {
          worker.execute(opened::close);
          return;
        }
        meter = opened;
        bar.setEnabled(true);
        status(false, "Speak to see the bar move.");
        poll.start();
      });
    });
  }

  /** Stops reading and closes the open microphone (on the worker). */
  void close() {
    generation++;
    poll.stop();
    bar.setValue(0);
    LevelMeter m = meter;
    meter = null;
    if (m != null) {
      worker.execute(m::close);
    }
  }

  /**
   * Up to two lines of words under the bar, wrapped to the meter's width; the meter's preferred
   * size does not depend on them, so a long reason never stretches the dialog.
   */
  private void status(boolean problem, String text) {
    plainStatus = text;
    status.putClientProperty("FlatLaf.styleClass", problem ? "errorText" : "secondary");
    status.setText("<html><body style='width:" + WIDTH + "px'>" + text.replace("&", "&amp;").replace("<", "&lt;")
        + "</body></html>");
    status.setToolTipText(text);
  }

  @Override
  public java.awt.Dimension getPreferredSize() {
    int line = status.getFontMetrics(status.getFont()).getHeight();
    return new java.awt.Dimension(WIDTH, bar.getPreferredSize().height + 4 + 2 * line + 2);
  }

  @Override
  public java.awt.Dimension getMinimumSize() {
    return getPreferredSize();
  }

  /** The words under the bar. */
  String statusText() {
    return plainStatus;
  }
}
