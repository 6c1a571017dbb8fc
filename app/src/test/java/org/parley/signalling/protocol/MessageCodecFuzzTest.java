package org.parley.signalling.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link MessageCodec#decode}: whatever the text, it returns a message or throws
 * {@link ProtocolException}, and a decoded message survives an encode/decode round trip. Plain
 * JUnit runs replay the seeds in {@code MessageCodecFuzzTestInputs/decode/}; set
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class MessageCodecFuzzTest {
  private final MessageCodec codec = new MessageCodec();

  @FuzzTest(maxDuration = "15s")
  void decode(FuzzedDataProvider data) {
    String text = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
    Message m;
    try {
      m = codec.decode(text);
    } catch (ProtocolException e) {
      return;
    }
    try {
      assertEquals(m, codec.decode(codec.encode(m)));
    } catch (ProtocolException e) {
      throw new AssertionError("re-encoded message no longer decodes: " + e.getMessage(), e);
    }
  }
}
