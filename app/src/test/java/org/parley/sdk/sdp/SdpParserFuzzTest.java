package org.parley.sdk.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link SdpParser#parse}: whatever the text, it returns a description or throws {@link
 * SdpParseException} (anything else fails the test), and what it returns is written by {@link
 * SdpWriter} into text that parses back to an equal description. Plain JUnit runs replay the
 * seeds in {@code SdpParserFuzzTestInputs/parse/}; set {@code JAZZER_FUZZ=1} to fuzz.
 *
 * <p>{@link #answer} treats the text as an offer: answering and negotiating either succeed or
 * throw {@link SdpNegotiationException}, and the answer is well formed SDP.
 */
class SdpParserFuzzTest {
  @FuzzTest(maxDuration = "15s")
  void parse(FuzzedDataProvider data) {
    String body = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    SessionDescription parsed;
    try {
      parsed = SdpParser.parse(body);
    } catch (SdpParseException e) {
      return;
    }
    String written = SdpWriter.write(parsed);
    try {
      assertEquals(parsed, SdpParser.parse(written));
    } catch (SdpParseException e) {
      throw new AssertionError("written description no longer parses: " + e.getMessage() + "\n" + written, e);
    }
  }

  private static final LocalMedia LOCAL = LocalMedia.builder("127.0.0.1", 50000)
      .ssrcs(1, 2, 3)
      .crypto("1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz")
      .crypto("2 AEAD_AES_128_GCM inline:Q2FsbGVlR2NtS2V5Q2FsbGVlR2NtS2V5QUI=")
      .allowPlainRtp(true)
      .build();

  @FuzzTest(maxDuration = "15s")
  void answer(FuzzedDataProvider data) {
    SessionDescription offer;
    try {
      offer = SdpParser.parse(new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8));
    } catch (SdpParseException e) {
      return;
    }
    SessionDescription answer;
    try {
      answer = OfferAnswer.createAnswer(offer, LOCAL);
    } catch (SdpNegotiationException e) {
      return;
    }
    assertEquals(offer.media().size(), answer.media().size());
    try {
      assertEquals(answer, SdpParser.parse(SdpWriter.write(answer)));
      OfferAnswer.negotiate(answer, offer);
    } catch (SdpParseException e) {
      throw new AssertionError("the answer is not well formed: " + e.getMessage(), e);
    } catch (SdpNegotiationException e) {
      // No usable address and the like: a clear refusal is a correct outcome.
    }
  }
}
