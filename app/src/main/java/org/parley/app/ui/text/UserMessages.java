package org.parley.app.ui.text;

import java.net.URI;
import java.util.Locale;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.signalling.client.ConnectionState;

/**
 * Plain words for what happened to a call, to the server connection, or to a device: the only
 * place the app turns SDK states, reasons and technical descriptions into text for people. Every
 * {@link CallReason} and {@link ConnectionState} has its own wording (the switches have no
 * default, so a new enum value breaks the build until it gets words). Stateless; any thread.
 */
public final class UserMessages {
  private UserMessages() {}

  /** Why the call ended, naming the peer by user id; see {@link #callEnded(String, CallItem, CallReason, String)}. */
  public static String callEnded(CallItem item, CallReason reason, String description) {
    return callEnded(item.peerUserId(), item, reason, description);
  }

  /**
   * One or two sentences saying why the call with {@code peerName} ended, in words that fit the
   * call's direction and final state (e.g. "Bob declined the call.", "Bob is offline.").
   * {@code description} (the SDK's technical detail) only refines the words, it is never shown
   * raw except for a server's error code.
   */
  public static String callEnded(String peerName, CallItem item, CallReason reason,
      String description) {
    String who = peerName == null || peerName.isBlank() ? item.peerUserId() : peerName;
    boolean incoming = item.direction() == CallDirection.IN;
    CallState state = item.state();
    String detail = description == null ? "" : description.trim();
    return switch (reason) {
      case NONE -> "The call with " + who + " ended.";
      case NOT_LOGGED_IN -> "You are not connected to the server, so the call to " + who
          + " could not be placed. Wait until Parley shows \"Connected\" and try again.";
      case TIMEOUT -> switch (state) {
        case MISSED -> "You missed a call from " + who + ".";
        case CANCEL, CANCELED -> who + " did not answer.";
        default -> "The call with " + who + " took too long to connect. Check your network"
            + " and try again.";
      };
      case NETWORK -> state == CallState.MISSED
          ? "You missed a call from " + who + ": the connection was lost while it rang."
          : "The connection to " + who + " was lost. Check your network; " + who
              + " may have gone offline.";
      case BUSY -> incoming
          ? "You were in another call when " + who + " called."
          : who + " is busy in another call. Try again later.";
      case DECLINE -> incoming
          ? "You declined the call from " + who + "."
          : who + " declined the call.";
      case USER_OFFLINE -> who + " is offline. They will see that you called when they"
          + " sign in.";
      case NOT_FOUND -> detail.contains("oneself")
          ? "You cannot call yourself."
          : "There is no one called " + who + " on this server.";
      case TERM_BY_SELF -> switch (state) {
        case CANCEL -> "You cancelled the call to " + who + ".";
        case CANCELED, MISSED -> "You declined the call from " + who + ".";
        default -> "You ended the call with " + who + ".";
      };
      case TERM_BY_PEER -> state == CallState.OK
          ? who + " ended the call."
          : incoming
              ? who + " hung up before you answered."
              : who + " ended the call before it started.";
      case CANCELED -> incoming
          ? "You missed a call from " + who + ": they hung up before you answered."
          : "The call to " + who + " was cancelled.";
      case SESSION_TIMEOUT -> "The server ended the call with " + who
          + " because it reached the time limit.";
      case MEDIA_ERROR -> mediaError(who, detail);
      case CALL_FULL -> incoming
          ? who + " called while you were already in a call."
          : "You are already in a call. End it before calling " + who + ".";
      case SIGNALLING_ERROR -> "The server refused the call with " + who
          + (detail.isEmpty() ? "." : " (" + detail + ").");
    };
  }

  /** The connection state in words, naming no server; see {@link #connection(ConnectionState, String, URI)}. */
  public static String connection(ConnectionState state, String reason) {
    return connection(state, reason, null);
  }

  /**
   * The server connection in a short sentence for the status bar, e.g. "Connected" or "Could
   * not reach the server at ws://...: check the address or that the server is running."
   * {@code reason} is the SDK's reason string (e.g. "login refused: INVALID_USER ...").
   */
  public static String connection(ConnectionState state, String reason, URI server) {
    String at = server == null ? "the server" : "the server at " + server;
    String why = reason == null ? "" : reason;
    return switch (state) {
      case CONNECTING -> "Connecting to " + at + "…";
      case CONNECTED -> "Connected";
      case RECONNECTING -> "Connection lost. Reconnecting to " + at + "…";
      case RECONNECTED -> "Connected again";
      case RECONNECT_FAILED -> "Could not reach " + at
          + ": check the address or that the server is running.";
      case KICKED_OUT -> "Signed out: you signed in with the same name on another computer.";
      case LOGGED_OUT -> loggedOut(why, at);
    };
  }

  /**
   * A device that would not work, in words: {@code what} is "camera", "microphone" or
   * "speaker"; {@code detail} the technical reason, used only to pick the words (busy, missing,
   * not allowed), e.g. "The camera is busy in another app or missing."
   */
  public static String deviceProblem(String what, String detail) {
    String thing = what == null || what.isBlank() ? "device" : what.trim().toLowerCase(Locale.ROOT);
    String d = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
    String subject = "The " + thing;
    if (containsAny(d, "busy", "in use", "ebusy", "locked")) {
      return subject + " is busy in another app. Close that app and try again.";
    }
    if (containsAny(d, "permission", "denied", "eacces", "not allowed")) {
      return "Parley is not allowed to use the " + thing
          + ". Check the system's privacy settings.";
    }
    if (containsAny(d, "not found", "no such", "missing", "enoent", "unplugged",
        "disconnected", "no device")) {
      return "No " + thing + " was found. Check that it is plugged in, or choose another in"
          + " Settings.";
    }
    return subject + " is busy in another app or missing.";
  }

  private static String mediaError(String who, String detail) {
    String d = detail.toLowerCase(Locale.ROOT);
    for (String thing : new String[] {"camera", "microphone", "speaker"}) {
      if (d.contains(thing)) {
        return "The call with " + who + " failed. " + deviceProblem(thing, detail);
      }
    }
    if (containsAny(d, "capture", "video device", "v4l")) {
      return "The call with " + who + " failed. " + deviceProblem("camera", detail);
    }
    if (containsAny(d, "audio", "alsa", "pulse")) {
      return "The call with " + who + " failed: the sound device could not be started.";
    }
    return "The call with " + who + " failed because audio or video could not be started.";
  }

  private static String loggedOut(String why, String at) {
    if (!why.startsWith("login refused")) {
      return "Signed out";
    }
    if (why.contains("AUTH_FAILED") || why.contains("TOKEN_EXPIRED")) {
      return "T" + at.substring(1) + " asks for a sign-in token, which Parley's app does not"
          + " have: use the built-in server or one in open mode.";
    }
    if (why.contains("INVALID_USER")) {
      return "The server refused your user id. Change your name in Settings and try again.";
    }
    if (why.contains("BAD_VERSION")) {
      return "The server runs a different version of Parley. Update one of them.";
    }
    return "The server refused to sign you in.";
  }

  private static boolean containsAny(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
