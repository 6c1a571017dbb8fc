package org.parley.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BenchJsonTest {
  /** Asserts that {@code text} is exactly one JSON object (and whitespace) and returns it. */
  static JsonObject onlyOneObject(String text) {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      JsonObject object = JsonParser.parseReader(reader).getAsJsonObject();
      assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "more than one JSON value:\n" + text);
      return object;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pipelineAloneIsTheNativeObject() {
    String native_ = Fixtures.read(Fixtures.TWO_WAY);
    JsonObject out = onlyOneObject(BenchJson.output(native_, null));
    assertEquals(JsonParser.parseString(native_), out);
    assertFalse(out.has("overheadRatio"));
  }

  @Test
  void rawAloneIsTheNativeRawObject() {
    String raw = Fixtures.read(Fixtures.RAW);
    assertEquals(JsonParser.parseString(raw), onlyOneObject(BenchJson.output(null, raw)));
  }

  @Test
  void bothAddTheRawObjectAndTheRatio() {
    String text =
        BenchJson.output(Fixtures.read(Fixtures.TWO_WAY), Fixtures.read(Fixtures.RAW));
    assertFalse(text.strip().contains("\n"), "one line expected:\n" + text);
    JsonObject out = onlyOneObject(text);
    assertEquals(2.79, out.get("overheadRatio").getAsDouble(), 1e-9);
    assertEquals("raw-codec", out.getAsJsonObject("rawCodec").get("mode").getAsString());
    assertEquals(527, out.getAsJsonObject("video").get("framesRendered").getAsInt());
    assertTrue(out.has("timeline"));
  }

  @Test
  void notAnObjectIsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchJson.output("[1]", null));
    assertTrue(e.getMessage().contains("not a JSON object"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BenchJson.output(null, "{\"a\":"));
  }
}
