package org.parley.app.bench;

/**
 * Where hooks that run when the JVM shuts down (Ctrl-C) are registered. The production default
 * is {@link #runtime()}; tests pass a fake and run the hook themselves.
 */
public interface ShutdownHooks {
  /** Registers {@code hook} to run at shutdown. */
  void add(Thread hook);

  /**
   * Unregisters {@code hook}; false when it was not registered or shutdown has already begun
   * (then the hook runs or has run).
   */
  boolean remove(Thread hook);

  /** The JVM's own shutdown hooks ({@link Runtime#addShutdownHook}). */
  static ShutdownHooks runtime() {
    return new ShutdownHooks() {
      @Override
      public void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
      }

      @Override
      public boolean remove(Thread hook) {
        try {
          return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) { // the hook is running: nothing to undo
          return false;
        }
      }
    };
  }
}
