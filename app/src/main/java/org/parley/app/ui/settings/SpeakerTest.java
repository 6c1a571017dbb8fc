package org.parley.app.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.concurrent.Executor;
import javax.sound.sampled.LineUnavailableException;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

/**
 * "Play test sound" ({@code settings.speaker.test}) and a short line saying how it went ({@code
 * settings.speaker.status}). The chime ({@link TestSound}) plays on {@code worker}; the button is
 * disabled meanwhile. Use on the Swing thread.
 */
final class SpeakerTest extends JPanel {
  private static final long serialVersionUID = 1L;

  SpeakerTest(Executor worker) {
    super(new BorderLayout(8, 0));
    setOpaque(false);
    JButton play = new JButton("Play test sound");
    play.setName("settings.speaker.test");
    play.setToolTipText("Plays a short chime on the system's default sound output");
    JLabel result = new JLabel(" ");
    result.setName("settings.speaker.status");
    result.putClientProperty("FlatLaf.styleClass", "secondary");
    play.addActionListener(e -> {
      play.setEnabled(false);
      result.setText("Playing\u2026");
      worker.execute(() -> {
        String outcome;
        String tip;
        try {
          TestSound.play();
          outcome = "Played a chime.";
          tip = "Heard nothing? Check the volume and the system's sound output.";
        } catch (LineUnavailableException | RuntimeException ex) {
          outcome = "No sound output found.";
          tip = "No sound output could play the test sound: " + ex.getMessage();
        }
        String text = outcome;
        String tipText = tip;
        SwingUtilities.invokeLater(() -> {
          play.setEnabled(true);
          result.setText(text);
          result.setToolTipText(tipText);
        });
      });
    });
    add(play, BorderLayout.WEST);
    add(result, BorderLayout.CENTER);
  }

  @Override
  public Dimension getPreferredSize() {
    // The result line never widens the dialog.
    return new Dimension(300, super.getPreferredSize().height);
  }
}
