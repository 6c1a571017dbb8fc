package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Component;
import java.awt.Container;
import java.awt.Window;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.swing.JMenu;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/** Test helpers of the shell's Swing tests: run on the EDT, find by name, wait for a state. */
public final class ShellSwing {
  /** Generous: the machine is shared. */
  public static final long WAIT_MS = 30_000;

  private ShellSwing() {}

  /** Runs {@code task} on the EDT and returns its result; rethrows its failure. */
  public static <T> T edt(Callable<T> task) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          result.set(task.call());
        } catch (Exception e) {
          failure.set(e);
        }
      });
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

  /** Runs {@code task} on the EDT. */
  public static void edtRun(Runnable task) throws Exception {
    edt(() -> {
      task.run();
      return null;
    });
  }

  /** The component called {@code name} under {@code root} (menus included), or a failure. */
  public static <T extends Component> T find(Component root, String name, Class<T> type) {
    T found = search(root, name, type);
    if (found == null) {
      fail("no " + type.getSimpleName() + " named " + name + " in " + root.getName());
    }
    return found;
  }

  private static <T extends Component> T search(Component c, String name, Class<T> type) {
    if (name.equals(c.getName()) && type.isInstance(c)) {
      return type.cast(c);
    }
    if (c instanceof JFrame f && f.getJMenuBar() != null) {
      T t = search(f.getJMenuBar(), name, type);
      if (t != null) {
        return t;
      }
    }
    if (c instanceof JMenu m) {
      for (Component child : m.getMenuComponents()) {
        T t = search(child, name, type);
        if (t != null) {
          return t;
        }
      }
    }
    if (c instanceof Container k) {
      for (Component child : k.getComponents()) {
        T t = search(child, name, type);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** Polls {@code condition} on the EDT until true or {@link #WAIT_MS}; fails with {@code what}. */
  public static void waitFor(String what, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (edt(condition::getAsBoolean)) {
        return;
      }
      Thread.sleep(50);
    }
    fail("timed out waiting for " + what);
  }

  /** The showing window of {@code type}, waiting for it. */
  public static <T extends Window> T showingWindow(Class<T> type) throws Exception {
    AtomicReference<T> found = new AtomicReference<>();
    waitFor("a showing " + type.getSimpleName(), () -> {
      for (Window w : Window.getWindows()) {
        if (type.isInstance(w) && w.isShowing()) {
          found.set(type.cast(w));
          return true;
        }
      }
      return false;
    });
    return found.get();
  }
}
