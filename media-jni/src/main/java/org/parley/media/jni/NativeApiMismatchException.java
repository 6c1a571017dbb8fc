package org.parley.media.jni;

/**
 * The loaded native core speaks a different facade version than this Java binding. Nothing in
 * the core may be called after it: the process should report the message and stop.
 */
public final class NativeApiMismatchException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public NativeApiMismatchException(String message) {
    super(message);
  }
}
