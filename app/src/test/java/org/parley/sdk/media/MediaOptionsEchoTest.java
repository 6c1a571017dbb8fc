package org.parley.sdk.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.media.video.VideoSource;
import org.parley.sdk.call.CallMediaSession;
import org.parley.sdk.call.MediaRequest;

/**
 * The echo option: off by default, fluent, and accepted by the native media of a call (an echo
 * side opens neither its camera nor its microphone, so a missing microphone file is no error).
 * The media echoing back is tested end to end by {@code org.parley.app.echo.EchoBotTest}.
 */
class MediaOptionsEchoTest {
  @Test
  void echoIsOffByDefaultAndFluent() {
    MediaOptions options = new MediaOptions();
    assertFalse(options.echo());
    assertSame(options, options.echo(true));
    assertTrue(options.echo());
    assertFalse(options.echo(false).echo());
  }

  @Test
  void anEchoCallsMediaOffersAndAnswersLikeAnyOther() {
    MediaOptions options = new MediaOptions().bindAddress("127.0.0.1")
        .microphone("wav:/nonexistent/parley-echo.wav").speaker("null").echo(true);
    NativeCallMediaFactory factory =
        new NativeCallMediaFactory(options, () -> VideoSource.testPattern(320, 240, 15), "echo");
    try (CallMediaSession caller = factory.create(new MediaRequest("call-0101", true, true), e -> {});
        CallMediaSession callee = factory.create(new MediaRequest("call-0101", true, true), e -> {})) {
      String answer = callee.createAnswer(caller.createOffer());
      assertTrue(answer.contains("m=video "), answer);
      caller.acceptAnswer(answer);
    }
  }
}
