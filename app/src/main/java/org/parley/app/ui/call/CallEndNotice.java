package org.parley.app.ui.call;

import java.awt.Window;
import javax.swing.JDialog;
import javax.swing.JOptionPane;

/**
 * Tells the user why a call ended when it was not an ordinary hang-up ("Bob declined the call.").
 * The production notice is a small non-modal dialog (it never blocks the event thread or other
 * windows); tests record instead. Event thread only.
 */
interface CallEndNotice {
  /** Shows {@code message} about the call with {@code peerName}. */
  void show(Window owner, String peerName, String message);

  /** A non-modal information dialog over {@code owner}. */
  static CallEndNotice dialog() {
    return (owner, peerName, message) -> {
      JOptionPane pane = new JOptionPane(message, JOptionPane.INFORMATION_MESSAGE);
      JDialog d = pane.createDialog(owner, "Call with " + peerName);
      d.setName("call.endNotice");
      d.setModal(false);
      d.setVisible(true);
    };
  }
}
