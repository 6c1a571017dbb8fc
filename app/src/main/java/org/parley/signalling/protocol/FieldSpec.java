package org.parley.signalling.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one field of a message type must look like: its JSON type, whether it is required, and
 * its limits. {@link #check} throws {@link ErrorCode#BAD_MESSAGE} naming the field.
 */
final class FieldSpec {
  enum Kind { STRING, BOOL, INTEGER, OBJECT_ARRAY, STRING_ARRAY }

  private final String name;
  private final Kind kind;
  private final boolean required;
  private final int maxLength;
  private final boolean lengthInBytes;
  private final Predicate<String> syntax;
  private final String syntaxName;
  private final long min;
  private final long max;
  private final List<FieldSpec> elementFields;
  private ErrorCode syntaxCode = ErrorCode.BAD_MESSAGE;

  private FieldSpec(String name, Kind kind, boolean required, int maxLength, boolean lengthInBytes,
      Predicate<String> syntax, String syntaxName, long min, long max,
      List<FieldSpec> elementFields) {
    this.name = name;
    this.kind = kind;
    this.required = required;
    this.maxLength = maxLength;
    this.lengthInBytes = lengthInBytes;
    this.syntax = syntax;
    this.syntaxName = syntaxName;
    this.min = min;
    this.max = max;
    this.elementFields = elementFields;
  }

  /** A string of at most {@code maxChars} UTF-16 characters (at least one). */
  static FieldSpec text(String name, int maxChars) {
    return new FieldSpec(name, Kind.STRING, true, maxChars, false, s -> true, null, 0, 0, null);
  }

  /** A string of at most {@code maxChars} UTF-16 characters (may be empty). */
  static FieldSpec freeText(String name, int maxChars) {
    return new FieldSpec(name, Kind.STRING, true, maxChars, false, s -> true, "", 0, 0, null);
  }

  /** A string of at most {@code maxBytes} bytes in UTF-8 (may be empty). */
  static FieldSpec body(String name, int maxBytes) {
    return new FieldSpec(name, Kind.STRING, true, maxBytes, true, s -> true, null, 0, 0, null);
  }

  static FieldSpec userId(String name) {
    return new FieldSpec(name, Kind.STRING, true, 64, false, UserIds::isValid, "a valid user id",
        0, 0, null);
  }

  static FieldSpec callId(String name) {
    return new FieldSpec(name, Kind.STRING, true, 64, false, CallIds::isValid, "a valid call id",
        0, 0, null);
  }

  /** A string that must be one of {@code values}. */
  static FieldSpec oneOf(String name, String... values) {
    Set<String> allowed = Set.of(values);
    return new FieldSpec(name, Kind.STRING, true, 64, false, allowed::contains,
        "one of " + String.join(", ", values), 0, 0, null);
  }

  static FieldSpec bool(String name) {
    return new FieldSpec(name, Kind.BOOL, true, 0, false, null, null, 0, 0, null);
  }

  static FieldSpec integer(String name, long min, long max) {
    return new FieldSpec(name, Kind.INTEGER, true, 0, false, null, null, min, max, null);
  }

  /** An array of at most {@code maxItems} objects, each checked against {@code elementFields}. */
  static FieldSpec objects(String name, int maxItems, FieldSpec... elementFields) {
    return new FieldSpec(name, Kind.OBJECT_ARRAY, true, maxItems, false, null, null, 0, 0,
        List.of(elementFields));
  }

  /** An array of at most {@code maxItems} valid user ids (may be empty). */
  static FieldSpec userIds(String name, int maxItems) {
    return new FieldSpec(name, Kind.STRING_ARRAY, true, maxItems, false, null, null, 0, 0,
        List.of(userId("")));
  }

  /** The same field, but optional. */
  FieldSpec optional() {
    FieldSpec f = new FieldSpec(name, kind, false, maxLength, lengthInBytes, syntax, syntaxName,
        min, max, elementFields);
    f.syntaxCode = syntaxCode;
    return f;
  }

  /** The same field, but a value of the wrong syntax or length is answered with {@code code}. */
  FieldSpec syntaxError(ErrorCode code) {
    FieldSpec f = new FieldSpec(name, kind, required, maxLength, lengthInBytes, syntax, syntaxName,
        min, max, elementFields);
    f.syntaxCode = code;
    return f;
  }

  String name() {
    return name;
  }

  /** Checks this field of {@code object}; {@code path} prefixes the name in the error. */
  void check(JsonObject object, String path) throws ProtocolException {
    String where = path + name;
    JsonElement value = object.get(name);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw bad("field '" + where + "' is missing");
      }
      return;
    }
    switch (kind) {
      case STRING:
        checkString(value, where);
        break;
      case BOOL:
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
          throw bad("field '" + where + "' must be a boolean");
        }
        break;
      case INTEGER:
        Long n = Message.exactLong(value);
        if (n == null) {
          throw bad("field '" + where + "' must be an integer");
        }
        if (n < min || n > max) {
          throw bad("field '" + where + "' must be in " + min + ".." + max);
        }
        break;
      case OBJECT_ARRAY:
        checkArray(value, where);
        break;
      case STRING_ARRAY:
        checkStringArray(value, where);
        break;
      default:
        throw new AssertionError(kind);
    }
  }

  private void checkString(JsonElement value, String where) throws ProtocolException {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw bad("field '" + where + "' must be a string");
    }
    String s = value.getAsString();
    if (lengthInBytes) {
      if (Utf8.length(s) > maxLength) {
        throw bad("field '" + where + "' is longer than " + maxLength + " bytes");
      }
    } else if ((s.isEmpty() && !"".equals(syntaxName)) || s.length() > maxLength) {
      throw new ProtocolException(syntaxCode, "field '" + where + "' must have 1 to " + maxLength + " characters");
    }
    if (!syntax.test(s)) {
      throw new ProtocolException(syntaxCode, "field '" + where + "' must be " + syntaxName);
    }
  }

  private void checkArray(JsonElement value, String where) throws ProtocolException {
    if (!value.isJsonArray()) {
      throw bad("field '" + where + "' must be an array");
    }
    JsonArray array = value.getAsJsonArray();
    if (array.size() > maxLength) {
      throw bad("field '" + where + "' has more than " + maxLength + " items");
    }
    for (int i = 0; i < array.size(); i++) {
      JsonElement item = array.get(i);
      String itemPath = where + "[" + i + "].";
      if (!item.isJsonObject()) {
        throw bad("field '" + where + "[" + i + "]' must be an object");
      }
      for (FieldSpec f : elementFields) {
        f.check(item.getAsJsonObject(), itemPath);
      }
    }
  }

  private void checkStringArray(JsonElement value, String where) throws ProtocolException {
    if (!value.isJsonArray()) {
      throw bad("field '" + where + "' must be an array");
    }
    JsonArray array = value.getAsJsonArray();
    if (array.size() > maxLength) {
      throw bad("field '" + where + "' has more than " + maxLength + " items");
    }
    FieldSpec element = elementFields.get(0);
    for (int i = 0; i < array.size(); i++) {
      JsonElement item = array.get(i);
      if (item.isJsonNull()) {
        throw bad("field '" + where + "[" + i + "]' must be a string");
      }
      element.checkString(item, where + "[" + i + "]");
    }
  }

  private static ProtocolException bad(String message) {
    return new ProtocolException(ErrorCode.BAD_MESSAGE, message);
  }
}
