package org.parley.app.ui;

import java.util.concurrent.Executor;
import java.util.function.Function;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.sdk.ParleyClient;

/**
 * What {@link AppParts#build} gets to make the app's parts: the logged-out client (the app
 * logs in right after), the events already attached to it, the preferences, the main window
 * (owner of dialogs), display names of peers by user id, and an executor for slow work.
 *
 * @param client the SDK client; do not set its listeners (subscribe to {@code events})
 * @param events re-delivers every SDK callback on the Swing event thread
 * @param prefs the user's preferences (save them off the event thread)
 * @param window the main window
 * @param displayNameOf a peer's display name, or the user id when unknown
 * @param background runs slow work off the Swing event thread
 */
public record AppContext(ParleyClient client, UiEvents events, AppPreferences prefs,
    MainWindow window, Function<String, String> displayNameOf, Executor background) {}
