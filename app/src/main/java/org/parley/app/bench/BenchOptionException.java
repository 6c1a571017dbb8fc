package org.parley.app.bench;

/**
 * A bad {@code parley bench} command line: the message names the option and what was wrong,
 * ready to print after "parley bench: ". The command exits with code 2.
 */
public final class BenchOptionException extends Exception {
  private static final long serialVersionUID = 1L;

  public BenchOptionException(String message) {
    super(message);
  }
}
