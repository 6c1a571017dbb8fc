package org.parley.signalling.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One signalling message: its type, the envelope's optional {@code id} and {@code re}, and the
 * fields of its type. Immutable and safe to share between threads; {@link #json} hands out
 * copies. A message built here is not validated: {@link MessageCodec#decode} validates what
 * comes from the wire and {@link MessageCodec#validate} can check one before sending.
 * {@link #toString} hides tokens and shortens long fields so it can be logged.
 */
public final class Message {
  private static final Set<String> RESERVED = Set.of("v", "type", "id", "re");
  private static final Set<String> SECRET = Set.of("token");
  private static final int LOG_CHARS = 48;

  private final MessageType type;
  private final String id;
  private final String re;
  private final Map<String, JsonElement> fields;

  private Message(MessageType type, String id, String re, Map<String, JsonElement> fields) {
    this.type = type;
    this.id = id;
    this.re = re;
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** A builder for a message of {@code type}. */
  public static Builder builder(MessageType type) {
    return new Builder(Objects.requireNonNull(type, "type"));
  }

  /** A builder that starts as a copy of this message. */
  public Builder toBuilder() {
    Builder b = new Builder(type);
    b.id = id;
    b.re = re;
    b.fields.putAll(fields);
    return b;
  }

  public MessageType type() {
    return type;
  }

  /** The request id set by the sender, or null. */
  public String id() {
    return id;
  }

  /** The id of the request this message answers, or null. */
  public String re() {
    return re;
  }

  /** Whether the message has {@code field} (of any JSON type, including null). */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The names of the type's fields present (not {@code v}, {@code type}, {@code id}, {@code re}). */
  public Set<String> fieldNames() {
    return fields.keySet();
  }

  /** The string value of {@code field}, or null when it is absent or not a string. */
  public String string(String field) {
    JsonElement e = fields.get(field);
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
      return e.getAsString();
    }
    return null;
  }

  /** The boolean value of {@code field}, or {@code defaultValue} when absent or not a boolean. */
  public boolean bool(String field, boolean defaultValue) {
    JsonElement e = fields.get(field);
    if (e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
      return e.getAsBoolean();
    }
    return defaultValue;
  }

  /**
   * The integer value of {@code field}, or {@code defaultValue} when it is absent, not a number
   * or not an integer that fits a long.
   */
  public long longValue(String field, long defaultValue) {
    Long v = exactLong(fields.get(field));
    return v == null ? defaultValue : v;
  }

  /** A copy of the JSON value of {@code field}, or null when absent. */
  public JsonElement json(String field) {
    JsonElement e = fields.get(field);
    return e == null ? null : e.deepCopy();
  }

  /** This message with {@code id} set (null removes it). */
  public Message withId(String newId) {
    return new Message(type, newId, re, new LinkedHashMap<>(fields));
  }

  /** This message without an {@code id}. */
  public Message withoutId() {
    return withId(null);
  }

  /** This message with {@code field} set to the string {@code value} (null removes it). */
  public Message with(String field, String value) {
    Builder b = toBuilder();
    if (value == null) {
      b.remove(field);
    } else {
      b.put(field, value);
    }
    return b.build();
  }

  /** Iterates the fields in insertion order; for the codec. */
  Map<String, JsonElement> fields() {
    return fields;
  }

  static Long exactLong(JsonElement e) {
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      return null;
    }
    try {
      Number n = e.getAsNumber();
      if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
        return n.longValue();
      }
      BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : e.getAsBigDecimal();
      return d.longValueExact();
    } catch (ArithmeticException | NumberFormatException ex) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Message)) {
      return false;
    }
    Message m = (Message) o;
    return type == m.type
        && Objects.equals(id, m.id)
        && Objects.equals(re, m.re)
        && fields.equals(m.fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, id, re, fields.keySet());
  }

  /** A log-safe rendering: tokens are hidden, long values shortened. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type.wireName()).append('{');
    String sep = "";
    if (id != null) {
      sb.append("id=").append(shorten(id));
      sep = ", ";
    }
    if (re != null) {
      sb.append(sep).append("re=").append(shorten(re));
      sep = ", ";
    }
    for (Map.Entry<String, JsonElement> f : fields.entrySet()) {
      sb.append(sep).append(shorten(f.getKey())).append('=');
      sep = ", ";
      if (SECRET.contains(f.getKey())) {
        sb.append("<hidden>");
      } else {
        JsonElement v = f.getValue();
        String text = v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
            ? v.getAsString()
            : v.isJsonArray() ? "[" + v.getAsJsonArray().size() + " items]"
            : v.isJsonObject() ? "{...}" : v.toString();
        sb.append(shorten(text));
      }
    }
    return sb.append('}').toString();
  }

  private static String shorten(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ');
    return oneLine.length() <= LOG_CHARS
        ? oneLine
        : oneLine.substring(0, LOG_CHARS) + "...(" + s.length() + " chars)";
  }

  /** Builds a {@link Message}; not thread-safe, use once. */
  public static final class Builder {
    private final MessageType type;
    private String id;
    private String re;
    private final Map<String, JsonElement> fields = new LinkedHashMap<>();

    private Builder(MessageType type) {
      this.type = type;
    }

    /** Sets the request id (null for none). */
    public Builder id(String value) {
      this.id = value;
      return this;
    }

    /** Sets the id of the request answered (null for none). */
    public Builder re(String value) {
      this.re = value;
      return this;
    }

    public Builder put(String field, String value) {
      return put(field, new JsonPrimitive(Objects.requireNonNull(value, field)));
    }

    public Builder put(String field, boolean value) {
      return put(field, new JsonPrimitive(value));
    }

    public Builder put(String field, long value) {
      return put(field, new JsonPrimitive(value));
    }

    public Builder put(String field, int value) {
      return put(field, new JsonPrimitive((long) value));
    }

    /**
     * Sets {@code field} to a copy of {@code value}.
     *
     * @throws IllegalArgumentException for the envelope names {@code v}, {@code type},
     *     {@code id}, {@code re} (use {@link #id} and {@link #re})
     */
    public Builder put(String field, JsonElement value) {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, field);
      if (RESERVED.contains(field)) {
        throw new IllegalArgumentException("'" + field + "' is part of the envelope");
      }
      fields.put(field, value.isJsonPrimitive() ? value : value.deepCopy());
      return this;
    }

    /** Removes {@code field} if present. */
    public Builder remove(String field) {
      fields.remove(field);
      return this;
    }

    public Message build() {
      return new Message(type, id, re, new LinkedHashMap<>(fields));
    }
  }
}
