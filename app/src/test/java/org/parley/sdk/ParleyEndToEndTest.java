package org.parley.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.sdk.call.CallConfig;
import org.parley.sdk.call.CallDirection;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.call.NetworkQuality;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.signalling.server.ServerConfig;
import org.parley.signalling.server.SignallingServer;

/**
 * Two (or three) SDK instances in one JVM over loopback: the real signalling server (open mode,
 * port 0) and real media (test-pattern camera, tone microphone, null speaker, pixel-buffer views,
 * SRTP). Waits are generous deadlines, never speed assertions.
 */
class ParleyEndToEndTest {
  private SignallingServer server;
  private URI uri;
  private final List<Side> sides = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = new SignallingServer(ServerConfig.builder().bindAddress("127.0.0.1").port(0).open().build());
    server.start();
    uri = URI.create("ws://127.0.0.1:" + server.port() + SignallingServer.path());
  }

  @AfterEach
  void tearDown() {
    for (Side s : sides) {
      s.close();
    }
    server.close();
  }

  private Side side(String user, CallConfig calls) {
    Side s = new Side(uri, user, calls);
    sides.add(s);
    s.login();
    return s;
  }

  private Side side(String user) {
    return side(user, CallConfig.defaults());
  }

  /** Alice calls bob; bob answers with {@code video}; both reach TALKING. */
  private CallItem[] talking(Side alice, Side bob, boolean callVideo, boolean answerVideo) {
    CallItem out = alice.client.calls().call(bob.user, callVideo, "e2e");
    alice.showOther(out);
    CallItem in = bob.await("invite", e -> e.kind().equals("add") && e.item().id().equals(out.id())).item();
    bob.showOther(in);
    bob.client.calls().answer(in, answerVideo);
    alice.await("talking", e -> e.item() != null && e.item().id().equals(out.id()) && e.item().state() == CallState.TALKING);
    bob.await("talking", e -> e.item() != null && e.item().id().equals(in.id()) && e.item().state() == CallState.TALKING);
    return new CallItem[] {out, in};
  }

  @Test
  void videoCallAnsweredWithVideoShowsBothSidesAndHangsUp() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem[] call = talking(alice, bob, true, true);
    CallItem out = call[0];
    CallItem in = call[1];
    assertEquals(CallDirection.IN, in.direction());
    assertTrue(in.video());
    assertEquals("e2e", in.extraParam());
    alice.awaitStampedVideo(out);
    bob.awaitStampedVideo(in);
    alice.await("first-frame");
    CallItem now = alice.client.calls().getActiveCallItem();
    assertTrue(now.uploadVideoSelf());
    assertTrue(now.uploadVideoOther());
    Side.Event rated = alice.await("a quality rating", e -> e.item() != null
        && e.item().downloadQuality() != NetworkQuality.UNKNOWN);
    assertTrue(rated.item().downloadQuality().compareTo(NetworkQuality.NORMAL) <= 0,
        "loopback is at least normal: " + rated.item().downloadQuality() + " " + rated.item().statistics());
    assertTrue(rated.item().statistics().packetsReceived() > 0);
    assertTrue(rated.item().statistics().framesRendered() > 0);

    alice.client.calls().term(out, CallReason.NONE, "done");
    Side.Event aliceEnd = alice.await("remove");
    Side.Event bobEnd = bob.await("remove");
    assertEquals(CallState.OK, aliceEnd.item().state());
    assertEquals(CallReason.TERM_BY_SELF, aliceEnd.reason());
    assertEquals(CallState.OK, bobEnd.item().state());
    assertEquals(CallReason.TERM_BY_PEER, bobEnd.reason());
    assertEquals("done", bobEnd.text());
    assertTrue(alice.events().stream().allMatch(e -> e.thread().startsWith("parley-sdk-alice")),
        "every callback on alice's SDK event thread");
  }

  @Test
  void cameraSwitchMidCallReachesThePeer() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem[] call = talking(alice, bob, true, true);
    bob.awaitStampedVideo(call[1]);
    alice.client.mediaDevice().setCameraProperty(new CameraProperty(160, 120, 15));
    alice.client.mediaDevice().switchCamera(MediaDevice.TEST_PATTERN);
    bob.await("the peer's new size", e -> e.kind().equals("size") && e.text().equals("OTHER 160x120"));
  }

  @Test
  void peersAndPresence() {
    Side alice = side("alice");
    Side bob = side("bob");
    alice.await("bob online", e -> e.kind().equals("presence") && e.text().equals("bob BOB online"));
    assertTrue(alice.client.peers().contains(new Peer("bob", "BOB", "online")), alice.client.peers().toString());
    talking(alice, bob, false, false);
    alice.await("bob busy", e -> e.kind().equals("presence") && e.text().equals("bob BOB busy"));
  }

  @Test
  void logoutHangsUpFirst() {
    Side alice = side("alice");
    Side bob = side("bob");
    talking(alice, bob, false, false);
    alice.client.logout();
    Side.Event end = bob.await("remove");
    assertEquals(CallReason.TERM_BY_PEER, end.reason());
    assertEquals(CallState.OK, end.item().state());
    alice.await("logged out", e -> "LOGGED_OUT".equals(e.text()));
    assertEquals(CallReason.TERM_BY_SELF, alice.await("remove").reason());
  }

  @Test
  void videoCallAnsweredByVoiceOnly() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem[] call = talking(alice, bob, true, false);
    bob.awaitStampedVideo(call[1]); // the caller still sends video: the answer kept it recvonly
    CallItem a = alice.client.calls().getActiveCallItem();
    CallItem b = bob.client.calls().getActiveCallItem();
    assertFalse(a.uploadVideoOther(), "bob sends no video");
    assertTrue(a.uploadVideoSelf());
    assertFalse(b.uploadVideoSelf());
    assertTrue(b.uploadVideoOther());
  }

  @Test
  void rejectedCall() {
    Side alice = side("alice");
    Side bob = side("bob");
    alice.client.calls().call("bob", false, "");
    CallItem in = bob.await("add").item();
    bob.client.calls().term(in, CallReason.NONE, "no thanks");
    Side.Event a = alice.await("remove");
    assertEquals(CallState.CANCELED, a.item().state());
    assertEquals(CallReason.DECLINE, a.reason());
    Side.Event b = bob.await("remove");
    assertEquals(CallState.CANCELED, b.item().state());
    assertEquals(CallReason.TERM_BY_SELF, b.reason());
  }

  @Test
  void cancelledCallIsMissedAtTheCallee() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem out = alice.client.calls().call("bob", true, "");
    bob.await("add");
    alice.client.calls().term(out, CallReason.NONE, "");
    assertEquals(CallState.CANCEL, alice.await("remove").item().state());
    Side.Event missed = bob.await("missed");
    assertEquals(out.id(), missed.item().id());
    assertEquals(CallState.MISSED, missed.item().state());
  }

  @Test
  void calleeInACallIsBusy() {
    Side alice = side("alice");
    Side bob = side("bob");
    Side carol = side("carol");
    talking(alice, bob, true, true);
    CallItem out = carol.client.calls().call("bob", true, "");
    Side.Event end = carol.await("remove");
    assertEquals(CallReason.BUSY, end.reason());
    assertEquals(CallState.CANCELED, end.item().state());
    assertFalse(bob.events().stream().anyMatch(e -> e.kind().equals("add") && e.item().id().equals(out.id())));
    assertEquals(CallState.TALKING, bob.client.calls().getActiveCallItem().state());
  }

  @Test
  void unansweredCallTimesOut() {
    CallConfig quick = CallConfig.defaults().withRingTimeoutMs(1_500);
    Side alice = side("alice", quick);
    Side bob = side("bob", quick);
    alice.client.calls().call("bob", false, "");
    bob.await("add");
    Side.Event a = alice.await("remove");
    assertEquals(CallState.CANCEL, a.item().state());
    assertEquals(CallReason.TIMEOUT, a.reason());
    Side.Event b = bob.await("missed");
    assertEquals(CallReason.TIMEOUT, b.reason());
  }

  @Test
  void callToAnOfflineUserIsDeliveredAsMissedAtItsNextLogin() {
    Side alice = side("alice");
    CallItem out = alice.client.calls().call("dave", true, "ring me");
    Side.Event a = alice.await("remove");
    assertEquals(CallReason.USER_OFFLINE, a.reason());
    Side dave = side("dave");
    Side.Event missed = dave.await("missed");
    assertEquals(out.id(), missed.item().id());
    assertEquals("alice", missed.item().peerUserId());
    assertTrue(missed.item().video());
  }

  @Test
  void killedPeerEndsTheCallWithNetwork() {
    Side alice = side("alice");
    Side bob = side("bob");
    talking(alice, bob, true, true);
    long killedAt = System.nanoTime();
    bob.kill();
    Side.Event end = alice.await("remove");
    assertEquals(CallReason.NETWORK, end.reason());
    assertEquals(CallState.ERROR, end.item().state());
    long ms = (end.atNanos() - killedAt) / 1_000_000;
    System.out.println("killed peer: call ended with NETWORK after " + ms + " ms");
    assertTrue(ms < 15_000, "ended within 15 s: " + ms + " ms");
  }

  @Test
  void peerWhoseSignallingVanishesIsEndedByTheServerWithNetwork() {
    Side alice = side("alice");
    Side bob = side("bob");
    talking(alice, bob, false, false);
    long lostAt = System.nanoTime();
    bob.killSignalling(); // bob's media keeps flowing: only the server's grace can end the call
    Side.Event end = alice.await("remove");
    assertEquals(CallReason.NETWORK, end.reason());
    long ms = (end.atNanos() - lostAt) / 1_000_000;
    System.out.println("peer's signalling lost: call ended with NETWORK after " + ms + " ms");
    assertTrue(ms < 15_000, "ended within 15 s: " + ms + " ms");
    // alice's media stopped (RTCP BYE), so bob's side ends too although it cannot hear the server
    assertEquals(CallReason.NETWORK, bob.await("remove").reason());
  }

  @Test
  void signallingReconnectKeepsTheCall() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem[] call = talking(alice, bob, true, true);
    bob.transport.drop();
    bob.await("reconnecting", e -> "RECONNECTING".equals(e.text()));
    bob.await("reconnected", e -> "RECONNECTED".equals(e.text()));
    assertEquals(CallState.TALKING, bob.client.calls().getActiveCallItem().state());
    assertEquals(CallState.TALKING, alice.client.calls().getActiveCallItem().state());
    bob.client.calls().sendMessage(call[1], "chat", "back");
    assertEquals("chat:back", alice.await("message").text());
    alice.awaitStampedVideo(call[0]);
    assertFalse(alice.events().stream().anyMatch(e -> e.kind().equals("remove")));
    assertFalse(bob.events().stream().anyMatch(e -> e.kind().equals("remove")));
  }

  @Test
  void inCallMessagesAndMuteFlagsReachThePeer() {
    Side alice = side("alice");
    Side bob = side("bob");
    CallItem[] call = talking(alice, bob, true, true);
    alice.client.calls().sendMessage(call[0], "chat", "hi bob");
    assertEquals("chat:hi bob", bob.await("message").text());
    bob.client.calls().sendMessage(call[1], "chat", "hi alice");
    assertEquals("chat:hi alice", alice.await("message").text());

    alice.client.calls().setMicrophoneMuted(call[0], true);
    Side.Event muted = bob.await("mute", e -> e.change() != null
        && e.change().contains(CallItemChange.Field.OTHER_MICROPHONE_MUTED));
    assertTrue(muted.item().otherMicrophoneMuted());
    alice.client.calls().setVideoSending(call[0], false);
    Side.Event videoOff = bob.await("video off", e -> e.change() != null
        && e.change().contains(CallItemChange.Field.UPLOAD_VIDEO_OTHER));
    assertFalse(videoOff.item().uploadVideoOther());
    bob.client.calls().hold(call[1]);
    Side.Event held = alice.await("held", e -> e.change() != null
        && e.change().contains(CallItemChange.Field.OTHER_HELD));
    assertTrue(held.item().otherHeld());
  }

  @Test
  void floodedServerKeepsServingTheClients() throws Exception {
    Side alice = side("alice");
    Side bob = side("bob");
    try (RawFlooder flooder = new RawFlooder(uri)) {
      flooder.flood(400);
    }
    CallItem[] call = talking(alice, bob, true, true);
    alice.client.calls().sendMessage(call[0], "chat", "still here");
    assertEquals("chat:still here", bob.await("message").text());
    alice.awaitStampedVideo(call[0]);
  }

  @Test
  void callSetupTimeToFirstRemoteFrame() {
    Side alice = side("alice");
    Side bob = side("bob");
    List<Long> ms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      alice.clear();
      bob.clear();
      long start = System.nanoTime();
      CallItem out = alice.client.calls().call("bob", true, "");
      alice.showOther(out);
      CallItem in = bob.await("add").item();
      bob.client.calls().answer(in, true);
      Side.Event first = alice.await("first remote frame", e -> e.kind().equals("first-frame") && e.text().equals("OTHER"));
      ms.add((first.atNanos() - start) / 1_000_000);
      alice.client.calls().term(out, CallReason.NONE, "");
      alice.await("remove");
      bob.await("remove");
    }
    List<Long> sorted = new ArrayList<>(ms);
    sorted.sort(null);
    long median = (sorted.get(4) + sorted.get(5)) / 2;
    System.out.println("call setup, call() to first remote frame (ms): " + ms + " median " + median);
    assertEquals(10, ms.size());
  }
}
