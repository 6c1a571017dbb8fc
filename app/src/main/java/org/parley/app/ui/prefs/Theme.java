package org.parley.app.ui.prefs;

/**
 * The look the user chose: always light, always dark, or following the desktop's setting
 * ({@link #SYSTEM}, resolved by {@code org.parley.app.ui.theme.Themes} as a best effort).
 */
public enum Theme {
  /** Light colours. */
  LIGHT,
  /** Dark colours. */
  DARK,
  /** Whatever the desktop uses; light when it cannot be told. */
  SYSTEM
}
