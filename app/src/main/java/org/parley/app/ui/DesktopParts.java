package org.parley.app.ui;

import java.time.Clock;
import java.util.function.Supplier;
import org.parley.app.echo.EchoBot;
import org.parley.app.embedded.EmbeddedServer;
import org.parley.app.ui.call.CallController;
import org.parley.app.ui.history.CallHistory;
import org.parley.app.ui.history.HistoryPanel;
import org.parley.app.ui.incoming.IncomingCallNotifier;
import org.parley.app.ui.incoming.Ringtone;
import org.parley.app.ui.people.PeoplePanel;
import org.parley.app.ui.settings.LevelMeterSource;
import org.parley.app.ui.settings.SettingsDialog;
import org.parley.sdk.media.MediaOptions;

/**
 * The desktop app's parts as {@link ParleyApp} runs them: the people list, the incoming-call
 * notification, the call windows, the call history and the settings dialog, all fed by the one
 * {@link UiEvents} hub, and the Echo test bot beside the built-in server.
 */
public final class DesktopParts implements AppParts {
  private final Clock clock;
  private final Ringtone ringtone;
  private final Supplier<MediaOptions> echoMedia;

  /** The parts with the system clock and ringtone; the echo bot's media on every interface. */
  public DesktopParts() {
    this(Clock.systemDefaultZone(), Ringtone.system(), MediaOptions::new);
  }

  /**
   * The parts with a given clock (history times), ringtone (tests pass a silent one) and the
   * echo bot's media options (tests keep its media on loopback).
   */
  public DesktopParts(Clock clock, Ringtone ringtone, Supplier<MediaOptions> echoMedia) {
    this.clock = clock;
    this.ringtone = ringtone;
    this.echoMedia = echoMedia;
  }

  @Override
  public EmbeddedServer.Companion echoBot() {
    return uri -> {
      EchoBot bot = new EchoBot(uri, echoMedia.get());
      bot.start();
      return bot;
    };
  }

  @Override
  public Built build(AppContext c) {
    CallController calls = new CallController(c.client(), c.displayNameOf(), c.window());
    c.events().addCallCallback(calls);
    IncomingCallNotifier incoming =
        new IncomingCallNotifier(c.window(), calls, ringtone, c.displayNameOf());
    c.events().addCallCallback(incoming);
    CallHistory history =
        new CallHistory(c.prefs().directory().resolve("history.json"), clock);
    c.events().addCallCallback(history);
    PeoplePanel people = new PeoplePanel(c.events(), calls, c.prefs().userId());
    HistoryPanel historyPanel = new HistoryPanel(history, calls, c.displayNameOf());
    Runnable retitle = () -> c.window().setHistoryTitle(historyPanel.tabTitle());
    history.addListener(retitle);
    retitle.run();
    Runnable settings = () -> {
      SettingsDialog dialog = new SettingsDialog(c.window(), c.client(), c.events(), c.prefs(),
          LevelMeterSource.of(c.client().mediaDevice()));
      dialog.setVisible(true); // modal: returns once closed
      c.window().setUserName(c.prefs().displayName());
      c.window().selectTheme(c.prefs().theme());
    };
    AutoCloseable closer = () -> {
      incoming.close();
      people.detach();
      history.close();
    };
    return new Built(people, historyPanel, settings, closer);
  }
}
