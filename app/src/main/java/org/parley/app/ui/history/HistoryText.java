package org.parley.app.ui.history;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.parley.sdk.call.CallDirection;

/**
 * The words the history shows for an entry: its day group ("Today", "Yesterday", "Earlier" in
 * the clock's zone), what happened ("Missed", "Outgoing", "No answer"...), the time of day and
 * the talking time.
 */
final class HistoryText {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm");

  private HistoryText() {}

  /** The day groups, in display order. */
  enum Group {
    TODAY("Today"),
    YESTERDAY("Yesterday"),
    EARLIER("Earlier");

    final String title;

    Group(String title) {
      this.title = title;
    }
  }

  static Group groupOf(CallRecordEntry e, LocalDate today, ZoneId zone) {
    LocalDate day = e.beginTime().atZone(zone).toLocalDate();
    if (!day.isBefore(today)) {
      return Group.TODAY;
    }
    return day.equals(today.minusDays(1)) ? Group.YESTERDAY : Group.EARLIER;
  }

  /** "14:05" today and yesterday, "19 Nov, 14:05" before. */
  static String time(CallRecordEntry e, Group group, ZoneId zone) {
    ZonedDateTime at = e.beginTime().atZone(zone);
    return group == Group.EARLIER ? DATE_TIME.format(at) : TIME.format(at);
  }

  /** "0:42", "12:05", "1:02:03". */
  static String duration(Duration d) {
    long s = d.getSeconds();
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
  }

  /** What happened to the call, in a word or two. */
  static String outcome(CallRecordEntry e) {
    if (e.missed()) {
      return "Missed";
    }
    if (e.answered()) {
      return e.direction() == CallDirection.IN ? "Incoming" : "Outgoing";
    }
    boolean out = e.direction() == CallDirection.OUT;
    return switch (e.state()) {
      case CANCEL -> switch (e.reason()) {
        case TIMEOUT -> "No answer";
        default -> "Cancelled";
      };
      case CANCELED -> switch (e.reason()) {
        case BUSY -> out ? "Busy" : "Declined (busy)";
        case DECLINE -> "Declined";
        default -> out ? "Cancelled" : "Declined";
      };
      case ERROR -> switch (e.reason()) {
        case USER_OFFLINE -> "Not available";
        case NOT_FOUND -> "Unknown contact";
        default -> "Failed";
      };
      default -> out ? "Outgoing" : "Incoming";
    };
  }

  /** The second line of a row: "Missed · Video call", "Outgoing · Voice call · 3:05". */
  static String detail(CallRecordEntry e) {
    StringBuilder sb = new StringBuilder(outcome(e)).append(" \u00b7 ")
        .append(e.video() ? "Video call" : "Voice call");
    if (e.answered()) {
      sb.append(" \u00b7 ").append(duration(e.duration()));
    }
    return sb.toString();
  }
}
