package org.parley.signalling.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;

/**
 * Parses JSON text (RFC 8259) strictly into a Gson tree, with the limits the protocol needs
 * against hostile input: nesting at most {@link #MAX_DEPTH} deep, numbers at most
 * {@link #MAX_NUMBER_CHARS} characters, no duplicate object keys, nothing after the value.
 * Anything else is a {@link ProtocolException} with {@link ErrorCode#BAD_JSON}.
 */
final class StrictJsonReader {
  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_CHARS = 32;

  private StrictJsonReader() {}

  static JsonElement parse(String text) throws ProtocolException {
    try (JsonReader reader = new JsonReader(new StringReader(text))) {
      reader.setStrictness(Strictness.STRICT);
      JsonElement root = read(reader, 0);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw bad("text after the JSON value");
      }
      return root;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw bad(e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage()));
    }
  }

  private static JsonElement read(JsonReader reader, int depth)
      throws IOException, ProtocolException {
    JsonToken token = reader.peek();
    switch (token) {
      case BEGIN_OBJECT:
        checkDepth(depth);
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (object.has(name)) {
            throw bad("duplicate key '" + clip(name) + "'");
          }
          object.add(name, read(reader, depth + 1));
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        checkDepth(depth);
        JsonArray array = new JsonArray();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(read(reader, depth + 1));
        }
        reader.endArray();
        return array;
      case STRING:
        return new JsonPrimitive(reader.nextString());
      case NUMBER:
        return number(reader.nextString());
      case BOOLEAN:
        return new JsonPrimitive(reader.nextBoolean());
      case NULL:
        reader.nextNull();
        return JsonNull.INSTANCE;
      default:
        throw bad("unexpected " + token);
    }
  }

  private static JsonPrimitive number(String literal) throws ProtocolException {
    if (literal.length() > MAX_NUMBER_CHARS) {
      throw bad("number longer than " + MAX_NUMBER_CHARS + " characters");
    }
    try {
      return new JsonPrimitive(Long.parseLong(literal));
    } catch (NumberFormatException notALong) {
      return new JsonPrimitive(new BigDecimal(literal));
    }
  }

  private static void checkDepth(int depth) throws ProtocolException {
    if (depth >= MAX_DEPTH) {
      throw bad("nested deeper than " + MAX_DEPTH);
    }
  }

  private static ProtocolException bad(String why) {
    return new ProtocolException(ErrorCode.BAD_JSON, "not valid JSON: " + why);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return clip(nl < 0 ? s : s.substring(0, nl));
  }

  private static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
