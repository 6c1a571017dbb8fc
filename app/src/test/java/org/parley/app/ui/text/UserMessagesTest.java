package org.parley.app.ui.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.signalling.client.ConnectionState;

class UserMessagesTest {
  private static final URI SERVER = URI.create("ws://192.168.1.20:8788/signalling");

  private static CallItem item(CallDirection d, CallState s, CallReason r) {
    return CallItem.builder("c1", "bob", d, Instant.EPOCH).state(s).reason(r).build();
  }

  /** One row per reason (at least), with the state the SDK gives it and the exact words. */
  static Stream<Arguments> callRows() {
    CallDirection out = CallDirection.OUT;
    CallDirection in = CallDirection.IN;
    return Stream.of(
        row(CallReason.NONE, out, CallState.OK, "", "The call with Bob ended."),
        row(CallReason.NOT_LOGGED_IN, out, CallState.ERROR, "not logged in",
            "You are not connected to the server, so the call to Bob could not be placed."
                + " Wait until Parley shows \"Connected\" and try again."),
        row(CallReason.TIMEOUT, out, CallState.CANCEL, "no answer", "Bob did not answer."),
        row(CallReason.TIMEOUT, in, CallState.MISSED, "", "You missed a call from Bob."),
        row(CallReason.TIMEOUT, out, CallState.ERROR, "",
            "The call with Bob took too long to connect. Check your network and try again."),
        row(CallReason.NETWORK, out, CallState.ERROR, "media timeout",
            "The connection to Bob was lost. Check your network; Bob may have gone offline."),
        row(CallReason.NETWORK, in, CallState.MISSED, "",
            "You missed a call from Bob: the connection was lost while it rang."),
        row(CallReason.BUSY, out, CallState.CANCELED, "", "Bob is busy in another call. Try again later."),
        row(CallReason.BUSY, in, CallState.CANCELED, "", "You were in another call when Bob called."),
        row(CallReason.DECLINE, out, CallState.CANCELED, "", "Bob declined the call."),
        row(CallReason.DECLINE, in, CallState.CANCELED, "", "You declined the call from Bob."),
        row(CallReason.USER_OFFLINE, out, CallState.ERROR, "",
            "Bob is offline. They will see that you called when they sign in."),
        row(CallReason.NOT_FOUND, out, CallState.ERROR, "INVALID_USER",
            "There is no one called Bob on this server."),
        row(CallReason.NOT_FOUND, out, CallState.ERROR, "cannot call oneself",
            "You cannot call yourself."),
        row(CallReason.TERM_BY_SELF, out, CallState.OK, "", "You ended the call with Bob."),
        row(CallReason.TERM_BY_SELF, out, CallState.CANCEL, "", "You cancelled the call to Bob."),
        row(CallReason.TERM_BY_SELF, in, CallState.CANCELED, "", "You declined the call from Bob."),
        row(CallReason.TERM_BY_PEER, in, CallState.OK, "", "Bob ended the call."),
        row(CallReason.TERM_BY_PEER, in, CallState.CANCELED, "", "Bob hung up before you answered."),
        row(CallReason.TERM_BY_PEER, out, CallState.CANCELED, "", "Bob ended the call before it started."),
        row(CallReason.CANCELED, in, CallState.MISSED, "",
            "You missed a call from Bob: they hung up before you answered."),
        row(CallReason.CANCELED, out, CallState.CANCELED, "", "The call to Bob was cancelled."),
        row(CallReason.SESSION_TIMEOUT, out, CallState.ERROR, "",
            "The server ended the call with Bob because it reached the time limit."),
        row(CallReason.MEDIA_ERROR, out, CallState.ERROR, "camera 0: Device or resource busy",
            "The call with Bob failed. The camera is busy in another app. Close that app and try again."),
        row(CallReason.MEDIA_ERROR, out, CallState.ERROR, "cannot open microphone: no such device",
            "The call with Bob failed. No microphone was found. Check that it is plugged in,"
                + " or choose another in Settings."),
        row(CallReason.MEDIA_ERROR, out, CallState.ERROR, "ALSA: snd_pcm_open failed",
            "The call with Bob failed: the sound device could not be started."),
        row(CallReason.MEDIA_ERROR, out, CallState.ERROR, "vpx_codec_enc_init -3",
            "The call with Bob failed because audio or video could not be started."),
        row(CallReason.CALL_FULL, out, CallState.ERROR, "another call is in progress",
            "You are already in a call. End it before calling Bob."),
        row(CallReason.CALL_FULL, in, CallState.MISSED, "",
            "Bob called while you were already in a call."),
        row(CallReason.SIGNALLING_ERROR, out, CallState.ERROR, "RATE_LIMITED",
            "The server refused the call with Bob (RATE_LIMITED)."));
  }

  private static Arguments row(CallReason r, CallDirection d, CallState s, String desc, String expected) {
    return Arguments.of(r, d, s, desc, expected);
  }

  @ParameterizedTest(name = "{0} {1} {2} \"{3}\"")
  @MethodSource("callRows")
  void callEnded(CallReason r, CallDirection d, CallState s, String desc, String expected) {
    assertEquals(expected, UserMessages.callEnded("Bob", item(d, s, r), r, desc));
  }

  @Test
  void tableCoversEveryReason() {
    Set<CallReason> seen = EnumSet.noneOf(CallReason.class);
    callRows().forEach(a -> seen.add((CallReason) a.get()[0]));
    assertEquals(EnumSet.allOf(CallReason.class), seen);
  }

  /** No ended call, whatever its reason, direction and final state, gets the NONE wording. */
  @Test
  void everyCombinationHasSpecificPlainWords() {
    String generic = UserMessages.callEnded("Bob", item(CallDirection.OUT, CallState.OK,
        CallReason.NONE), CallReason.NONE, "");
    Set<String> distinct = new HashSet<>();
    for (CallReason r : CallReason.values()) {
      for (CallDirection d : CallDirection.values()) {
        for (CallState s : CallState.values()) {
          if (!s.isEnded()) {
            continue;
          }
          String m = UserMessages.callEnded("Bob", item(d, s, r), r, "x");
          distinct.add(m);
          if (r != CallReason.NONE) {
            assertNotEquals(generic, m, r + " " + d + " " + s);
          }
          assertTrue(m.contains("Bob"), m);
          assertTrue(m.endsWith("."), m);
          assertFalse(m.contains(r.name()) && r != CallReason.NONE, m);
          assertFalse(m.contains("null") || m.contains("Exception"), m);
        }
      }
    }
    assertTrue(distinct.size() >= CallReason.values().length, "reasons read differently");
  }

  @Test
  void peerIdIsUsedWithoutADisplayName() {
    CallItem declined = item(CallDirection.OUT, CallState.CANCELED, CallReason.DECLINE);
    assertEquals("bob declined the call.", UserMessages.callEnded(declined, CallReason.DECLINE, null));
    assertEquals("bob declined the call.", UserMessages.callEnded(" ", declined, CallReason.DECLINE, null));
  }

  static Stream<Arguments> connectionRows() {
    return Stream.of(
        Arguments.of(ConnectionState.CONNECTING, "connect",
            "Connecting to the server at ws://192.168.1.20:8788/signalling…"),
        Arguments.of(ConnectionState.CONNECTED, "logged in", "Connected"),
        Arguments.of(ConnectionState.RECONNECTING, "connection closed (1006)",
            "Connection lost. Reconnecting to the server at ws://192.168.1.20:8788/signalling…"),
        Arguments.of(ConnectionState.RECONNECTED, "resumed", "Connected again"),
        Arguments.of(ConnectionState.RECONNECT_FAILED, "gave up after 60000 ms: refused",
            "Could not reach the server at ws://192.168.1.20:8788/signalling: check the address"
                + " or that the server is running."),
        Arguments.of(ConnectionState.KICKED_OUT, "kicked",
            "Signed out: you signed in with the same name on another computer."),
        Arguments.of(ConnectionState.LOGGED_OUT, "logout", "Signed out"),
        Arguments.of(ConnectionState.LOGGED_OUT, "login refused: AUTH_FAILED bad token",
            "The server at ws://192.168.1.20:8788/signalling asks for a sign-in token, which"
                + " Parley's app does not have: use the built-in server or one in open mode."),
        Arguments.of(ConnectionState.LOGGED_OUT, "login refused: INVALID_USER no",
            "The server refused your user id. Change your name in Settings and try again."),
        Arguments.of(ConnectionState.LOGGED_OUT, "login refused: BAD_VERSION 2",
            "The server runs a different version of Parley. Update one of them."),
        Arguments.of(ConnectionState.LOGGED_OUT, "login refused: WHATEVER x",
            "The server refused to sign you in."));
  }

  @ParameterizedTest(name = "{0} \"{1}\"")
  @MethodSource("connectionRows")
  void connection(ConnectionState state, String reason, String expected) {
    assertEquals(expected, UserMessages.connection(state, reason, SERVER));
  }

  @Test
  void connectionTableCoversEveryStateAndWorksWithoutServer() {
    Set<ConnectionState> seen = EnumSet.noneOf(ConnectionState.class);
    connectionRows().forEach(a -> seen.add((ConnectionState) a.get()[0]));
    assertEquals(EnumSet.allOf(ConnectionState.class), seen);
    Set<String> distinct = new HashSet<>();
    for (ConnectionState s : ConnectionState.values()) {
      String m = UserMessages.connection(s, null);
      assertFalse(m.isBlank() || m.contains("null") || m.contains(s.name()), m);
      distinct.add(m);
    }
    assertEquals(ConnectionState.values().length, distinct.size(), "every state reads differently");
    assertEquals("Could not reach the server: check the address or that the server is running.",
        UserMessages.connection(ConnectionState.RECONNECT_FAILED, "x"));
  }

  static Stream<Arguments> deviceRows() {
    return Stream.of(
        Arguments.of("camera", "VIDIOC_STREAMON: Device or resource busy",
            "The camera is busy in another app. Close that app and try again."),
        Arguments.of("Camera", "open /dev/video0: No such file or directory",
            "No camera was found. Check that it is plugged in, or choose another in Settings."),
        Arguments.of("microphone", "Permission denied",
            "Parley is not allowed to use the microphone. Check the system's privacy settings."),
        Arguments.of("speaker", "snd_pcm_open -19", "The speaker is busy in another app or missing."),
        Arguments.of("camera", null, "The camera is busy in another app or missing."),
        Arguments.of(null, "", "The device is busy in another app or missing."));
  }

  @ParameterizedTest(name = "{0} \"{1}\"")
  @MethodSource("deviceRows")
  void deviceProblem(String what, String detail, String expected) {
    assertEquals(expected, UserMessages.deviceProblem(what, detail));
  }
}
