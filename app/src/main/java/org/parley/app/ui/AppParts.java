package org.parley.app.ui;

import javax.swing.JComponent;
import org.parley.app.embedded.EmbeddedServer;

/**
 * The seam where the app's parts plug into the shell ({@link ParleyApp}): the Echo bot of the
 * built-in server, and the people list, history, settings, incoming-call and in-call handling.
 * {@link DesktopParts} are the real ones; tests may pass their own.
 */
public interface AppParts {
  /**
   * What starts with the built-in server (the Echo bot), or null for nothing. Called off the
   * Swing event thread, once, when the built-in server is chosen.
   */
  EmbeddedServer.Companion echoBot();

  /**
   * Builds the parts and subscribes them to {@code context.events()}; called on the Swing event
   * thread after the events are attached to the client and before it logs in.
   */
  Built build(AppContext context);

  /**
   * The parts built.
   *
   * @param people the People tab
   * @param history the History tab
   * @param openSettings opens the settings (on the Swing event thread)
   * @param closer closes what the parts hold (windows, files, sounds) on quit, off the Swing
   *     event thread, before the client closes; may be a no-op
   */
  record Built(JComponent people, JComponent history, Runnable openSettings,
      AutoCloseable closer) {}
}
