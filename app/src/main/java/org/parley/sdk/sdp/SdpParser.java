package org.parley.sdk.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parley.sdk.sdp.SdpParseException.Code;

/**
 * Reads a session description (RFC 8866) into a {@link SessionDescription}. Lines end with CRLF
 * or LF. The parser is strict about the grammar (fields separated by single spaces, lines in
 * the order of RFC 8866 section 5, required lines present) and bounded: at most {@link
 * #MAX_BYTES} bytes, {@link #MAX_LINE_LENGTH} characters a line and {@link #MAX_MEDIA} media
 * sections. It either returns a description or throws {@link SdpParseException} naming the line;
 * it never throws anything else, whatever the input.
 */
public final class SdpParser {
  public static final int MAX_BYTES = 32 * 1024;
  public static final int MAX_LINE_LENGTH = 2048;
  public static final int MAX_MEDIA = 64;

  // RFC 8866 section 5: the order of session-level lines; a line's rank may not go down.
  private static final String SESSION_ORDER = "vosiuepcbtrzka";
  private static final String SESSION_ONCE = "vosiuck";
  private static final String MEDIA_ORDER = "icbka";
  private static final String MEDIA_ONCE = "ick";

  private SdpParser() {}

  /** Parses a body; see the class comment. */
  public static SessionDescription parse(String body) throws SdpParseException {
    if (body == null || body.isEmpty()) {
      throw new SdpParseException(Code.BAD_STRUCTURE, 0, "the body is empty");
    }
    if (body.length() > MAX_BYTES || body.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new SdpParseException(Code.TOO_LARGE, 0, "the body is larger than " + MAX_BYTES + " bytes");
    }
    List<String> lines = splitLines(body);
    SessionDescription.Builder session = null;
    MediaSectionParser media = null;
    String version = null;
    String name = null;
    boolean timing = false;
    int sessionRank = -1;
    String seen = "";
    int mediaRank = -1;
    String mediaSeen = "";
    Origin origin = null;
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i);
      checkLine(line, number);
      char type = line.charAt(0);
      String value = line.substring(2);
      try {
        if (type == 'm') {
          if (session == null || !timing) {
            throw new SdpParseException(Code.BAD_STRUCTURE, number,
                "m= before the session-level v=, o=, s= and t= lines");
          }
          if (media != null) {
            session.media(media.finish());
          }
          if (session.mediaCount() >= MAX_MEDIA) {
            throw new SdpParseException(Code.TOO_LARGE, number, "more than " + MAX_MEDIA + " media sections");
          }
          media = new MediaSectionParser(number, value);
          mediaRank = -1;
          mediaSeen = "";
          continue;
        }
        if (media != null) {
          int rank = MEDIA_ORDER.indexOf(type);
          if (rank < 0) {
            throw new SdpParseException(Code.BAD_STRUCTURE, number,
                SESSION_ORDER.indexOf(type) >= 0
                    ? "'" + type + "=' is not allowed inside a media section"
                    : "unknown line type '" + type + "='");
          }
          mediaRank = checkOrder(type, rank, mediaRank, mediaSeen, MEDIA_ONCE, number, "media section");
          mediaSeen += type;
          media.line(type, value, number);
          continue;
        }
        int rank = SESSION_ORDER.indexOf(type);
        if (rank < 0) {
          throw new SdpParseException(Code.BAD_LINE, number, "unknown line type '" + type + "='");
        }
        if (number <= 3 && type != "vos".charAt(number - 1)) {
          throw new SdpParseException(Code.BAD_STRUCTURE, number,
              "line " + number + " must be the '" + "vos".charAt(number - 1) + "=' line");
        }
        sessionRank = checkOrder(type, rank, sessionRank, seen, SESSION_ONCE, number, "session");
        seen += type;
        switch (type) {
          case 'v' -> {
            version = value;
            if (!"0".equals(version)) {
              throw new SdpParseException(Code.BAD_LINE, number, "only v=0 is defined, got v=" + value);
            }
          }
          case 'o' -> origin = Origin.parse(value);
          case 's' -> {
            name = SdpSyntax.text(value, "s= session name", false);
            session = SessionDescription.builder(origin).name(name);
          }
          case 'i' -> session.info(SdpSyntax.text(value, "i=", false));
          case 'c' -> session.connection(Connection.parse(value));
          case 'b' -> session.bandwidth(Bandwidth.parse(value));
          case 't' -> {
            session.timing(Timing.parse(value));
            timing = true;
          }
          case 'a' -> sessionAttribute(session, value, number);
          default -> SdpSyntax.text(value, "'" + type + "=' value", false); // u e p r z k: dropped
        }
      } catch (IllegalArgumentException e) {
        throw new SdpParseException(Code.BAD_LINE, number, e.getMessage());
      }
    }
    if (session == null || !timing) {
      throw new SdpParseException(Code.BAD_STRUCTURE, 0,
          "missing " + (version == null ? "v=" : origin == null ? "o=" : name == null ? "s=" : "t=") + " line");
    }
    if (media != null) {
      session.media(media.finish());
    }
    try {
      return session.buildStrict();
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(Code.BAD_STRUCTURE, 0, e.getMessage());
    }
  }

  private static void sessionAttribute(SessionDescription.Builder session, String value, int number)
      throws SdpParseException {
    Attribute attribute = Attribute.parse(value);
    Direction direction = Direction.fromAttribute(attribute.name());
    if (direction == null) {
      session.attribute(attribute);
      return;
    }
    if (attribute.value() != null) {
      throw new SdpParseException(Code.BAD_LINE, number, "a=" + attribute.name() + " takes no value");
    }
    if (session.hasDirection()) {
      throw new SdpParseException(Code.BAD_STRUCTURE, number, "a second direction attribute");
    }
    session.direction(direction);
  }

  private static int checkOrder(
      char type, int rank, int previous, String seen, String once, int number, String where)
      throws SdpParseException {
    if (once.indexOf(type) >= 0 && seen.indexOf(type) >= 0) {
      throw new SdpParseException(Code.BAD_STRUCTURE, number,
          "a second '" + type + "=' line in the " + where);
    }
    if (rank < previous) {
      throw new SdpParseException(Code.BAD_STRUCTURE, number,
          "'" + type + "=' is out of order in the " + where + " (RFC 8866 section 5)");
    }
    return rank;
  }

  private static void checkLine(String line, int number) throws SdpParseException {
    if (line.length() > MAX_LINE_LENGTH) {
      throw new SdpParseException(Code.TOO_LARGE, number,
          "the line is longer than " + MAX_LINE_LENGTH + " characters");
    }
    if (line.isEmpty()) {
      throw new SdpParseException(Code.BAD_LINE, number, "empty line");
    }
    if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
      throw new SdpParseException(Code.BAD_LINE, number,
          "expected <type>=<value> with a lower-case letter as type");
    }
    for (int i = 2; i < line.length(); i++) {
      char c = line.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        throw new SdpParseException(Code.BAD_LINE, number,
            "control character 0x" + Integer.toHexString(c) + " at column " + (i + 1));
      }
    }
  }

  /** Splits on LF, dropping a CR before it; a final line without LF counts. */
  private static List<String> splitLines(String body) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      int end = lf < 0 ? body.length() : lf;
      int contentEnd = end > start && lf >= 0 && body.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(body.substring(start, contentEnd));
      start = end + 1;
    }
    return lines;
  }
}
