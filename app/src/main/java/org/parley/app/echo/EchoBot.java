package org.parley.app.echo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallConfig;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;

/**
 * The echo-test peer: an SDK client logged in as {@value #USER_ID} ("{@value #DISPLAY_NAME}")
 * that answers every incoming call at once (with video when the call offers it) and sends the
 * caller's own audio and video back (native echo mode: no camera or microphone is opened), so a
 * user can see and hear how they come across. One call at a time: further callers are refused
 * busy by the SDK. A call is hung up after {@link #MAX_CALL}. Reconnecting after a lost
 * connection is the SDK's.
 *
 * <p>{@link #start()} logs in and returns at once; {@link #close()} logs out and stops
 * everything. Both may be called from any thread, but not on the EDT if the caller minds a short
 * block (close joins the SDK threads).
 */
public final class EchoBot implements AutoCloseable {
  public static final String USER_ID = "echo";
  public static final String DISPLAY_NAME = "Echo test";
  /** How long an echo call may last before the bot hangs up. */
  public static final Duration MAX_CALL = Duration.ofMinutes(10);
  /** What the caller is told when the bot hangs up at the limit. */
  static final String TIME_UP = "the echo test ends after 10 minutes";

  private static final System.Logger LOG = System.getLogger(EchoBot.class.getName());

  private final ParleyClient client;
  private final CallTimer timer;
  private final Map<String, CallTimer.Cancellable> hangups = new ConcurrentHashMap<>();

  /** A bot for {@code server} (its WebSocket URI), media on every interface. */
  public EchoBot(URI server) {
    this(server, new MediaOptions());
  }

  /**
   * A bot for {@code server} with the given media options (the bind and advertised address;
   * echo mode is switched on in them and the speaker becomes {@code "null"}).
   */
  public EchoBot(URI server, MediaOptions media) {
    this(server, media, CallTimer.daemon("parley-echo-timer"));
  }

  /**
   * A bot with the given media options (echo mode is switched on in them; the speaker becomes
   * {@code "null"}) and timer (closed with the bot).
   */
  EchoBot(URI server, MediaOptions media, CallTimer timer) {
    Objects.requireNonNull(server, "server");
    this.timer = Objects.requireNonNull(timer, "timer");
    media.echo(true).speaker("null");
    ParleyConfig config =
        ParleyConfig.builder(server, USER_ID)
            .displayName(DISPLAY_NAME)
            .media(media)
            .camera(MediaDevice.TEST_PATTERN)
            .calls(CallConfig.defaults().withMaxCalls(1))
            .build();
    client = new ParleyClient(config);
    client.setCallCallback(new Answerer());
  }

  /** Logs in (asynchronously; the SDK keeps reconnecting while the server is away). */
  public void start() {
    client.login();
  }

  /** The SDK client, for tests and status displays. */
  ParleyClient client() {
    return client;
  }

  /** Hangs up, logs out and stops the SDK and the timer; safe to call twice. */
  @Override
  public void close() {
    timer.close();
    hangups.clear();
    client.close();
  }

  /** Answers incoming calls and arms their time limit (on the SDK event thread). */
  private final class Answerer implements CallCallback {
    @Override
    public void onCallItemAdd(CallItem item) {
      if (item.direction() != CallDirection.IN || item.state() != CallState.PENDING) {
        return;
      }
      LOG.log(System.Logger.Level.INFO, "echo: answering " + item.peerUserId() + (item.video() ? " (video)" : ""));
      client.calls().answer(item, item.video());
      hangups.put(item.id(), timer.schedule(() -> hangUp(item), MAX_CALL));
    }

    @Override
    public void onCallItemRemove(CallItem item, CallReason reason, String description) {
      CallTimer.Cancellable hangup = hangups.remove(item.id());
      if (hangup != null) {
        hangup.cancel();
      }
    }

    private void hangUp(CallItem item) {
      LOG.log(System.Logger.Level.INFO, "echo: time is up for " + item.peerUserId());
      client.calls().term(item, CallReason.TERM_BY_SELF, TIME_UP);
    }
  }
}
