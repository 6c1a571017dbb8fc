package org.parley.sdk.call;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which fields of a {@link CallItem} changed in one {@link CallCallback#onCallItemUpdate} (the
 * seeds' JCCallItemChangeParam). Immutable. Statistics alone never raise an update; they ride
 * along with the next one and are always current in {@link CallManager#getActiveCallItem()}.
 */
public final class CallItemChange {
  /** The fields that can change. */
  public enum Field {
    STATE,
    REASON,
    VIDEO,
    TALKING_BEGIN,
    MICROPHONE_MUTED,
    SPEAKER_MUTED,
    OTHER_MICROPHONE_MUTED,
    UPLOAD_VIDEO_SELF,
    UPLOAD_VIDEO_OTHER,
    HELD,
    OTHER_HELD,
    UPLOAD_QUALITY,
    DOWNLOAD_QUALITY
  }

  private final Set<Field> fields;

  private CallItemChange(Set<Field> fields) {
    this.fields = Collections.unmodifiableSet(fields);
  }

  /** The fields that differ between two snapshots of the same call. */
  public static CallItemChange between(CallItem before, CallItem after) {
    EnumSet<Field> f = EnumSet.noneOf(Field.class);
    diff(f, Field.STATE, before.state(), after.state());
    diff(f, Field.REASON, before.reason(), after.reason());
    diff(f, Field.VIDEO, before.video(), after.video());
    diff(f, Field.TALKING_BEGIN, before.talkingBeginTime(), after.talkingBeginTime());
    diff(f, Field.MICROPHONE_MUTED, before.microphoneMuted(), after.microphoneMuted());
    diff(f, Field.SPEAKER_MUTED, before.speakerMuted(), after.speakerMuted());
    diff(f, Field.OTHER_MICROPHONE_MUTED, before.otherMicrophoneMuted(), after.otherMicrophoneMuted());
    diff(f, Field.UPLOAD_VIDEO_SELF, before.uploadVideoSelf(), after.uploadVideoSelf());
    diff(f, Field.UPLOAD_VIDEO_OTHER, before.uploadVideoOther(), after.uploadVideoOther());
    diff(f, Field.HELD, before.held(), after.held());
    diff(f, Field.OTHER_HELD, before.otherHeld(), after.otherHeld());
    diff(f, Field.UPLOAD_QUALITY, before.uploadQuality(), after.uploadQuality());
    diff(f, Field.DOWNLOAD_QUALITY, before.downloadQuality(), after.downloadQuality());
    return new CallItemChange(f);
  }

  /** A change of exactly these fields (tests, adapters). */
  public static CallItemChange of(Field first, Field... rest) {
    return new CallItemChange(EnumSet.of(first, rest));
  }

  private static void diff(Set<Field> f, Field field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      f.add(field);
    }
  }

  /** The changed fields (read-only). */
  public Set<Field> fields() {
    return fields;
  }

  public boolean contains(Field field) {
    return fields.contains(field);
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallItemChange c && c.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
