package org.parley.sdk.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.media.call.CallMedia;
import org.parley.media.events.MediaEvent;
import org.parley.media.jni.ParleyCore;
import org.parley.media.video.RenderMode;
import org.parley.media.video.VideoSource;
import org.parley.sdk.call.CallItemChange.Field;
import org.parley.sdk.event.FakeScheduler;
import org.parley.signalling.client.ConnectionState;
import org.parley.signalling.protocol.Message;
import org.parley.signalling.protocol.MessageType;

/** The call manager against a fake signalling, fake media and fake time. */
class CallManagerTest {
  private FakeScheduler scheduler;
  private FakeSignalling signalling;
  private FakeMediaFactory media;
  private RecordingCallback events;
  private CallManager calls;

  @BeforeEach
  void setUp() {
    scheduler = new FakeScheduler();
    signalling = new FakeSignalling();
    media = new FakeMediaFactory();
    events = new RecordingCallback();
    calls = new CallManager("alice", signalling, media, scheduler, scheduler.clock(), CallConfig.defaults());
    calls.setCallback(events);
  }

  private void push(Message m) {
    calls.onSignallingMessage(m);
    scheduler.runPending();
  }

  private static Message msg(MessageType type, String callId, Object... fields) {
    Message.Builder b = Message.builder(type).put("callId", callId).put("from", "bob");
    for (int i = 0; i < fields.length; i += 2) {
      Object v = fields[i + 1];
      if (v instanceof Boolean bool) {
        b.put((String) fields[i], bool);
      } else {
        b.put((String) fields[i], (String) v);
      }
    }
    return b.build();
  }

  private CallItem outgoingTalking(boolean video) {
    CallItem item = calls.call("bob", video, "x");
    scheduler.runPending();
    push(msg(MessageType.ACCEPT, item.id(), "video", video, "sdp", "answer-sdp"));
    assertEquals(CallState.TALKING, calls.getActiveCallItem().state());
    return item;
  }

  private CallItem incoming(String callId, boolean video) {
    push(msg(MessageType.INVITE, callId, "video", video, "sdp", "offer-sdp", "extraParam", "hi"));
    return calls.getCallItems().stream().filter(i -> i.id().equals(callId)).findFirst().orElse(null);
  }

  @Test
  void outgoingCallAnsweredWithVideoTalks() {
    CallItem item = calls.call("bob", true, "pass-through");
    assertEquals(CallState.PENDING, item.state());
    scheduler.runPending();
    Message invite = signalling.last(MessageType.INVITE);
    assertEquals("bob", invite.string("to"));
    assertTrue(invite.bool("video", false));
    assertEquals("offer-of-" + item.id(), invite.string("sdp"));
    assertEquals("pass-through", invite.string("extraParam"));
    assertEquals(List.of("add"), events.kinds());

    push(msg(MessageType.RINGING, item.id()));
    push(msg(MessageType.ACCEPT, item.id(), "video", true, "sdp", "answer-sdp"));
    FakeMediaFactory.Session s = media.last();
    assertEquals("answer-sdp", s.answerSeen);
    assertTrue(s.started);
    List<RecordingCallback.Event> updates = events.of("update");
    assertEquals(CallState.CONNECTING, updates.get(0).item().state());
    assertTrue(updates.get(0).change().contains(Field.UPLOAD_VIDEO_OTHER));
    assertEquals(CallState.TALKING, updates.get(1).item().state());
    assertEquals(Set.of(Field.STATE, Field.TALKING_BEGIN), updates.get(1).change().fields());
    assertNotNull(calls.getActiveCallItem().talkingBeginTime());

    scheduler.advance(120_000); // no ring timeout once talking
    assertEquals(CallState.TALKING, calls.getActiveCallItem().state());
    calls.term(item, CallReason.NONE, "bye");
    scheduler.runPending();
    assertEquals("bye", signalling.last(MessageType.HANGUP).string("description"));
    RecordingCallback.Event removed = events.last("remove");
    assertEquals(CallState.OK, removed.item().state());
    assertEquals(CallReason.TERM_BY_SELF, removed.reason());
    assertTrue(s.closed);
    assertNull(calls.getActiveCallItem());
  }

  @Test
  void incomingVideoCallAnsweredByVoiceOnly() {
    CallItem item = incoming("call-0001", true);
    assertEquals(CallDirection.IN, item.direction());
    assertEquals("hi", item.extraParam());
    assertNotNull(signalling.last(MessageType.RINGING));
    signalling.autoAck = false;
    calls.answer(item, false);
    scheduler.runPending();
    FakeMediaFactory.Session s = media.last();
    assertEquals("offer-sdp", s.offerSeen);
    assertFalse(s.request.sendVideo());
    assertTrue(s.started);
    Message accept = signalling.last(MessageType.ACCEPT);
    assertFalse(accept.bool("video", true));
    assertEquals("answer-to-offer-sdp", accept.string("sdp"));
    CallItem connecting = calls.getActiveCallItem();
    assertEquals(CallState.CONNECTING, connecting.state());
    assertFalse(connecting.uploadVideoSelf());
    assertTrue(connecting.uploadVideoOther());
    assertTrue(events.last("update").change().fields().containsAll(Set.of(Field.STATE, Field.UPLOAD_VIDEO_SELF)));

    signalling.ack(MessageType.ACCEPT);
    scheduler.runPending();
    assertEquals(CallState.TALKING, calls.getActiveCallItem().state());
    calls.setVideoSending(item, true); // video was not agreed for sending: stays off
    scheduler.runPending();
    assertFalse(calls.getActiveCallItem().uploadVideoSelf());
  }

  @Test
  void unansweredCallsTimeOutOnBothSides() {
    CallItem out = calls.call("bob", false, null);
    scheduler.advance(59_999);
    assertEquals(CallState.PENDING, calls.getCallItems().get(0).state());
    scheduler.advance(1);
    assertEquals("timeout", signalling.last(MessageType.CANCEL).string("reason"));
    assertEquals(CallState.CANCEL, events.last("remove").item().state());
    assertEquals(CallReason.TIMEOUT, events.last("remove").reason());
    assertEquals(out.id(), events.last("remove").item().id());

    incoming("call-0002", false);
    scheduler.advance(60_000);
    assertEquals(CallState.MISSED, events.last("remove").item().state());
    assertEquals(CallReason.TIMEOUT, events.last("missed").item().reason());
    assertTrue(calls.getCallItems().isEmpty());
  }

  @Test
  void secondVideoCallIsAnsweredBusyAutomatically() {
    outgoingTalking(true);
    int adds = events.of("add").size();
    incoming("call-0003", true);
    assertEquals(adds, events.of("add").size(), "no item for the refused call");
    Message reject = signalling.last(MessageType.REJECT);
    assertEquals("call-0003", reject.string("callId"));
    assertEquals("busy", reject.string("reason"));
    assertEquals(CallReason.BUSY, events.last("missed").item().reason());
    assertEquals(1, calls.getCallItems().size());

    CallItem second = calls.call("carol", true, "");
    scheduler.runPending();
    assertEquals(CallReason.CALL_FULL, events.last("remove").reason());
    assertEquals(second.id(), events.last("remove").item().id());
  }

  @Test
  void reconnectThatResumesKeepsTheCall() {
    CallItem item = outgoingTalking(true);
    calls.onConnectionStateChanged(ConnectionState.RECONNECTING, "drop");
    calls.onConnectionStateChanged(ConnectionState.RECONNECTED, "back");
    push(Message.builder(MessageType.LOGIN_OK).put("resumed", true).build());
    assertEquals(CallState.TALKING, calls.getActiveCallItem().state());
    assertFalse(media.last().closed);

    push(Message.builder(MessageType.LOGIN_OK).put("resumed", false).build());
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
    assertEquals(item.id(), events.last("remove").item().id());
  }

  @Test
  void lostSignallingEndsCallsWithNetwork() {
    outgoingTalking(false);
    calls.onConnectionStateChanged(ConnectionState.RECONNECT_FAILED, "gave up");
    scheduler.runPending();
    assertEquals(CallState.ERROR, events.last("remove").item().state());
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
  }

  @Test
  void peerGoneEndsWithNetwork() {
    CallItem a = outgoingTalking(false);
    push(msg(MessageType.CALL_ENDED, a.id(), "reason", "network"));
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
  }

  @Test
  void mediaTimeoutEndsWithNetworkAndTellsThePeer() {
    CallItem a = outgoingTalking(false);
    media.last().raise(MediaEvent.Type.MEDIA_TIMEOUT, 0);
    scheduler.runPending();
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
    assertEquals("network", signalling.last(MessageType.HANGUP).string("reason"));
    assertEquals(a.id(), signalling.last(MessageType.HANGUP).string("callId"));
  }

  @Test
  void byeFollowedByHangupIsAnOrdinaryEnd() {
    CallItem a = outgoingTalking(false);
    media.last().raise(MediaEvent.Type.REMOTE_BYE, 0);
    scheduler.advance(500);
    push(msg(MessageType.HANGUP, a.id(), "reason", "term"));
    assertEquals(CallReason.TERM_BY_PEER, events.last("remove").reason());
    assertEquals(CallState.OK, events.last("remove").item().state());
  }

  @Test
  void byeWithoutHangupEndsWithNetworkAfterTheGrace() {
    outgoingTalking(false);
    media.last().raise(MediaEvent.Type.REMOTE_BYE, 0);
    scheduler.advance(1_999);
    assertEquals(1, calls.getCallItems().size());
    scheduler.advance(1);
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
  }

  @Test
  void muteAndHoldReachMediaAndPeer() {
    CallItem a = outgoingTalking(true);
    FakeMediaFactory.Session s = media.last();
    calls.setMicrophoneMuted(a, true);
    scheduler.runPending();
    assertTrue(s.micMuted);
    assertEquals(Set.of(Field.MICROPHONE_MUTED), events.last("update").change().fields());
    Message update = signalling.last(MessageType.MEDIA_UPDATE);
    assertTrue(update.bool("micMuted", false));
    assertTrue(update.bool("videoSending", false));

    calls.hold(a);
    scheduler.runPending();
    assertTrue(s.speakerMuted);
    assertFalse(s.videoSending);
    assertTrue(signalling.last(MessageType.MEDIA_UPDATE).bool("held", false));
    calls.resume(a);
    calls.setMicrophoneMuted(a, false);
    scheduler.runPending();
    assertFalse(s.speakerMuted);
    assertFalse(s.micMuted);
    assertTrue(s.videoSending);

    push(msg(MessageType.MEDIA_UPDATE, a.id(), "micMuted", true, "videoSending", false, "held", false));
    CallItem now = calls.getActiveCallItem();
    assertTrue(now.otherMicrophoneMuted());
    assertFalse(now.uploadVideoOther());
    assertEquals(Set.of(Field.OTHER_MICROPHONE_MUTED, Field.UPLOAD_VIDEO_OTHER), events.last("update").change().fields());

    calls.setSpeakerMuted(a, true);
    scheduler.runPending();
    assertTrue(s.speakerMuted);
  }

  @Test
  void muteBeforeTalkingIsAnnouncedWhenTalkingStarts() {
    CallItem a = calls.call("bob", true, "");
    scheduler.runPending();
    calls.setMicrophoneMuted(a, true);
    scheduler.runPending();
    assertNull(signalling.last(MessageType.MEDIA_UPDATE), "not before talking");
    push(msg(MessageType.ACCEPT, a.id(), "video", true, "sdp", "s"));
    assertTrue(signalling.last(MessageType.MEDIA_UPDATE).bool("micMuted", false));
  }

  @Test
  void inCallMessagesBothWays() {
    CallItem a = outgoingTalking(false);
    calls.sendMessage(a, "chat", "hello");
    scheduler.runPending();
    Message sent = signalling.last(MessageType.MESSAGE);
    assertEquals("chat", sent.string("msgType"));
    assertEquals("hello", sent.string("content"));
    push(msg(MessageType.MESSAGE, a.id(), "msgType", "chat", "content", "hi back"));
    assertEquals("chat:hi back", events.last("message").text());
    assertThrows(IllegalArgumentException.class, () -> calls.sendMessage(a, "", "x"));
    assertThrows(IllegalArgumentException.class, () -> calls.sendMessage(a, "t", "x".repeat(16 * 1024 + 1)));
  }

  @Test
  void callingWhileLoggedOutEndsNotLoggedIn() {
    signalling.loggedIn = false;
    calls.call("bob", false, "");
    scheduler.runPending();
    assertEquals(List.of("add", "remove"), events.kinds());
    assertEquals(CallReason.NOT_LOGGED_IN, events.last("remove").reason());
    assertTrue(signalling.sent.isEmpty());
  }

  @Test
  void refusedInvitesMapToReasons() {
    Map<String, CallReason> table = Map.of(
        "INVALID_USER", CallReason.NOT_FOUND,
        "NOT_LOGGED_IN", CallReason.NOT_LOGGED_IN,
        "RATE_LIMITED", CallReason.SIGNALLING_ERROR,
        CallRequestException.TIMEOUT, CallReason.NETWORK);
    signalling.autoAck = false;
    for (Map.Entry<String, CallReason> e : table.entrySet()) {
      calls.call("bob", false, "");
      scheduler.runPending();
      signalling.fail(MessageType.INVITE, e.getKey());
      scheduler.runPending();
      assertEquals(e.getValue(), events.last("remove").reason(), e.getKey());
      assertEquals(CallState.ERROR, events.last("remove").item().state(), e.getKey());
    }
  }

  @Test
  void serverEndingsBeforeAnswerMapToReasons() {
    Map<String, CallReason> table = Map.of(
        "busy", CallReason.BUSY,
        "user-offline", CallReason.USER_OFFLINE,
        "not-found", CallReason.NOT_FOUND,
        "timeout", CallReason.TIMEOUT,
        "network", CallReason.NETWORK);
    for (Map.Entry<String, CallReason> e : table.entrySet()) {
      CallItem a = calls.call("bob", false, "");
      scheduler.runPending();
      push(msg(MessageType.CALL_ENDED, a.id(), "reason", e.getKey()));
      assertEquals(e.getValue(), events.last("remove").reason(), e.getKey());
    }
  }

  @Test
  void termSendsWhatTheStateCallsFor() {
    CallItem out = calls.call("bob", false, "");
    scheduler.runPending();
    calls.term(out, CallReason.NONE, "");
    scheduler.runPending();
    assertEquals("cancel", signalling.last(MessageType.CANCEL).string("reason"));
    assertEquals(CallState.CANCEL, events.last("remove").item().state());

    CallItem in = incoming("call-0004", false);
    calls.term(in, CallReason.NONE, "");
    scheduler.runPending();
    assertEquals("decline", signalling.last(MessageType.REJECT).string("reason"));
    assertEquals(CallState.CANCELED, events.last("remove").item().state());

    CallItem in2 = incoming("call-0005", false);
    calls.term(in2, CallReason.BUSY, "");
    scheduler.runPending();
    assertEquals("busy", signalling.last(MessageType.REJECT).string("reason"));
    assertEquals(CallReason.BUSY, events.last("remove").reason());
  }

  @Test
  void callerRejectedSeesDeclineAndCalleeSeesCancelAsMissed() {
    CallItem out = calls.call("bob", true, "");
    scheduler.runPending();
    push(msg(MessageType.REJECT, out.id(), "reason", "decline"));
    assertEquals(CallState.CANCELED, events.last("remove").item().state());
    assertEquals(CallReason.DECLINE, events.last("remove").reason());

    incoming("call-0006", false);
    push(msg(MessageType.CANCEL, "call-0006", "reason", "cancel"));
    assertEquals(CallState.MISSED, events.last("remove").item().state());
    assertEquals("call-0006", events.last("missed").item().id());
  }

  @Test
  void missedCallsAtLoginAreReported() {
    JsonArray missed = new JsonArray();
    JsonObject one = new JsonObject();
    one.addProperty("callId", "call-0007");
    one.addProperty("from", "carol");
    one.addProperty("video", true);
    one.addProperty("at", 1_700_000_000_000L);
    missed.add(one);
    JsonObject bad = new JsonObject();
    bad.addProperty("callId", "x");
    missed.add(bad);
    push(Message.builder(MessageType.LOGIN_OK).put("resumed", false).put("missedCalls", missed).build());
    List<RecordingCallback.Event> m = events.of("missed");
    assertEquals(1, m.size());
    assertEquals("carol", m.get(0).item().peerUserId());
    assertTrue(m.get(0).item().video());
    assertEquals(CallState.MISSED, m.get(0).item().state());
  }

  @Test
  void mediaFailureEndsWithMediaError() {
    media.failCreate = new IllegalArgumentException("no socket");
    calls.call("bob", false, "");
    scheduler.runPending();
    assertEquals(CallReason.MEDIA_ERROR, events.last("remove").reason());
    assertNull(signalling.last(MessageType.INVITE));

    media.failCreate = null;
    CallItem a = calls.call("bob", false, "");
    scheduler.runPending();
    media.failStart = new IllegalStateException("no keys");
    push(msg(MessageType.ACCEPT, a.id(), "video", false, "sdp", "s"));
    assertEquals(CallReason.MEDIA_ERROR, events.last("remove").reason());
    assertEquals("media-error", signalling.last(MessageType.HANGUP).string("reason"));
  }

  @Test
  void answeredCallThatNeverConnectsTimesOut() {
    CallItem in = incoming("call-0008", false);
    signalling.autoAck = false;
    calls.answer(in, false);
    scheduler.advance(15_000);
    assertEquals(CallState.ERROR, events.last("remove").item().state());
    assertEquals(CallReason.NETWORK, events.last("remove").reason());
  }

  @Test
  void videoViewsAskedEarlyApplyWhenMediaExists() {
    CallItem in = incoming("call-0009", true);
    calls.startOtherVideo(in, 0, RenderMode.FULL_CONTENT);
    calls.setPixelBufferSize(in, CallMedia.View.OTHER, 320, 240);
    scheduler.runPending();
    calls.answer(in, true);
    scheduler.runPending();
    assertEquals(List.of("start OTHER 0 FULL_CONTENT", "size OTHER 320x240"), media.last().views);
    media.last().raise(MediaEvent.Type.FIRST_FRAME_RENDERED, ParleyCore.CALL_VIEW_OTHER);
    scheduler.runPending();
    assertEquals("OTHER 640x480", events.last("first-frame").text());
    calls.switchCamera(VideoSource.testPattern(320, 240, 15));
    scheduler.runPending();
    assertEquals(320, media.last().camera.width());
  }

  @Test
  void statisticsRefreshQualityWithoutNoise() {
    CallItem a = outgoingTalking(false);
    FakeMediaFactory.Session s = media.last();
    s.stats = new MediaStats(30, 100, 100, 0, 5, 0, 0, Map.of());
    scheduler.advance(1_000);
    s.stats = new MediaStats(30, 200, 200, 0, 5, 0, 0, Map.of());
    scheduler.advance(1_000);
    CallItem now = calls.getActiveCallItem();
    assertEquals(NetworkQuality.EXCELLENT, now.downloadQuality());
    assertEquals(NetworkQuality.EXCELLENT, now.uploadQuality());
    assertEquals(200, now.statistics().packetsReceived());
    int updates = events.of("update").size();
    s.stats = new MediaStats(30, 300, 300, 0, 5, 0, 0, Map.of());
    scheduler.advance(1_000);
    assertEquals(updates, events.of("update").size(), "same quality: no update");
    s.stats = new MediaStats(900, 400, 320, 80, 5, 30, 0, Map.of());
    scheduler.advance(1_000);
    assertEquals(NetworkQuality.VERY_BAD, calls.getActiveCallItem().downloadQuality());
    assertTrue(events.last("update").change().contains(Field.DOWNLOAD_QUALITY));
    assertEquals(a.id(), events.last("update").item().id());
  }

  @Test
  void messagesForUnknownCallsOrFromStrangersAreIgnored() {
    CallItem a = outgoingTalking(false);
    int before = events.events.size();
    push(msg(MessageType.HANGUP, "call-unknown", "reason", "term"));
    push(Message.builder(MessageType.HANGUP).put("callId", a.id()).put("from", "mallory").build());
    push(msg(MessageType.INVITE, "bad id!", "sdp", "x"));
    assertEquals(before, events.events.size());
    assertEquals(CallState.TALKING, calls.getActiveCallItem().state());
  }

  @Test
  void closeHangsUpEveryCallOnceAndRefusesNewOnes() {
    CallItem a = outgoingTalking(false);
    calls.close();
    calls.close();
    assertEquals(1, signalling.sentOf(MessageType.HANGUP).size());
    assertEquals(a.id(), events.last("remove").item().id());
    assertTrue(media.last().closed);
    incoming("call-0010", false);
    assertEquals("busy", signalling.last(MessageType.REJECT).string("reason"));
  }
}
