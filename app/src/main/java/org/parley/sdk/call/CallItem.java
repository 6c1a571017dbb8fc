package org.parley.sdk.call;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one call (the seeds' JCCallItem): immutable and safe to keep, unlike the seeds'
 * objects. A newer snapshot comes with every {@link CallCallback#onCallItemUpdate}; {@link
 * CallManager#getActiveCallItem()} returns the latest. Two snapshots of the same call share
 * {@link #id()}; pass any of them to the {@link CallManager} methods.
 *
 * <p>"Self" is this side, "other" the peer: {@link #uploadVideoSelf()} says we send video,
 * {@link #uploadVideoOther()} that the peer does.
 */
public final class CallItem {
  private final String id;
  private final String peerUserId;
  private final CallDirection direction;
  private final boolean video;
  private final CallState state;
  private final CallReason reason;
  private final String description;
  private final Instant beginTime;
  private final Instant talkingBeginTime;
  private final boolean microphoneMuted;
  private final boolean speakerMuted;
  private final boolean otherMicrophoneMuted;
  private final boolean uploadVideoSelf;
  private final boolean uploadVideoOther;
  private final boolean held;
  private final boolean otherHeld;
  private final NetworkQuality uploadQuality;
  private final NetworkQuality downloadQuality;
  private final MediaStats statistics;
  private final String extraParam;

  private CallItem(Builder b) {
    id = Objects.requireNonNull(b.id, "id");
    peerUserId = Objects.requireNonNull(b.peerUserId, "peerUserId");
    direction = Objects.requireNonNull(b.direction, "direction");
    video = b.video;
    state = Objects.requireNonNull(b.state, "state");
    reason = Objects.requireNonNull(b.reason, "reason");
    description = b.description == null ? "" : b.description;
    beginTime = Objects.requireNonNull(b.beginTime, "beginTime");
    talkingBeginTime = b.talkingBeginTime;
    microphoneMuted = b.microphoneMuted;
    speakerMuted = b.speakerMuted;
    otherMicrophoneMuted = b.otherMicrophoneMuted;
    uploadVideoSelf = b.uploadVideoSelf;
    uploadVideoOther = b.uploadVideoOther;
    held = b.held;
    otherHeld = b.otherHeld;
    uploadQuality = Objects.requireNonNull(b.uploadQuality);
    downloadQuality = Objects.requireNonNull(b.downloadQuality);
    statistics = Objects.requireNonNull(b.statistics);
    extraParam = b.extraParam == null ? "" : b.extraParam;
  }

  /** A builder for a new call in state {@link CallState#INIT}. */
  public static Builder builder(String id, String peerUserId, CallDirection direction, Instant begin) {
    Builder b = new Builder();
    b.id = id;
    b.peerUserId = peerUserId;
    b.direction = direction;
    b.beginTime = begin;
    return b;
  }

  /** A builder starting from this snapshot. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.peerUserId = peerUserId;
    b.direction = direction;
    b.video = video;
    b.state = state;
    b.reason = reason;
    b.description = description;
    b.beginTime = beginTime;
    b.talkingBeginTime = talkingBeginTime;
    b.microphoneMuted = microphoneMuted;
    b.speakerMuted = speakerMuted;
    b.otherMicrophoneMuted = otherMicrophoneMuted;
    b.uploadVideoSelf = uploadVideoSelf;
    b.uploadVideoOther = uploadVideoOther;
    b.held = held;
    b.otherHeld = otherHeld;
    b.uploadQuality = uploadQuality;
    b.downloadQuality = downloadQuality;
    b.statistics = statistics;
    b.extraParam = extraParam;
    return b;
  }

  /** The call id (shared with the peer). */
  public String id() { return id; }
  /** The other party's user id. */
  public String peerUserId() { return peerUserId; }
  public CallDirection direction() { return direction; }
  /** Whether the call was placed as a video call. */
  public boolean video() { return video; }
  public CallState state() { return state; }
  /** Why it ended; {@link CallReason#NONE} while live. */
  public CallReason reason() { return reason; }
  /** Free text that came with the end (may be empty). */
  public String description() { return description; }
  /** When the call was placed or arrived. */
  public Instant beginTime() { return beginTime; }
  /** When talking began, or null before. */
  public Instant talkingBeginTime() { return talkingBeginTime; }
  /** Our microphone is muted. */
  public boolean microphoneMuted() { return microphoneMuted; }
  /** Our speaker is muted. */
  public boolean speakerMuted() { return speakerMuted; }
  /** The peer muted its microphone. */
  public boolean otherMicrophoneMuted() { return otherMicrophoneMuted; }
  /** We send video. */
  public boolean uploadVideoSelf() { return uploadVideoSelf; }
  /** The peer sends video. */
  public boolean uploadVideoOther() { return uploadVideoOther; }
  /** We put the call on hold. */
  public boolean held() { return held; }
  /** The peer put the call on hold. */
  public boolean otherHeld() { return otherHeld; }
  /** Quality of what we send, as the peer's RTCP feedback shows it. */
  public NetworkQuality uploadQuality() { return uploadQuality; }
  /** Quality of what we receive. */
  public NetworkQuality downloadQuality() { return downloadQuality; }
  /** The latest media figures ({@link MediaStats#EMPTY} before media ran). */
  public MediaStats statistics() { return statistics; }
  /** The caller's pass-through string (may be empty). */
  public String extraParam() { return extraParam; }

  /** True while the call is live (not in a final state). */
  public boolean isActive() {
    return !state.isEnded();
  }

  @Override
  public String toString() {
    return "CallItem{" + id + ' ' + direction + ' ' + peerUserId + (video ? " video " : " voice ")
        + state + (reason == CallReason.NONE ? "" : " " + reason)
        + (microphoneMuted ? " mic-muted" : "") + (held ? " held" : "") + '}';
  }

  /** Builds a {@link CallItem}; not thread-safe. */
  public static final class Builder {
    private String id;
    private String peerUserId;
    private CallDirection direction;
    private boolean video;
    private CallState state = CallState.INIT;
    private CallReason reason = CallReason.NONE;
    private String description = "";
    private Instant beginTime;
    private Instant talkingBeginTime;
    private boolean microphoneMuted;
    private boolean speakerMuted;
    private boolean otherMicrophoneMuted;
    private boolean uploadVideoSelf;
    private boolean uploadVideoOther;
    private boolean held;
    private boolean otherHeld;
    private NetworkQuality uploadQuality = NetworkQuality.UNKNOWN;
    private NetworkQuality downloadQuality = NetworkQuality.UNKNOWN;
    private MediaStats statistics = MediaStats.EMPTY;
    private String extraParam = "";

    private Builder() {}

    public Builder video(boolean v) { video = v; return this; }
    public Builder state(CallState v) { state = v; return this; }
    public Builder reason(CallReason v) { reason = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder talkingBeginTime(Instant v) { talkingBeginTime = v; return this; }
    public Builder microphoneMuted(boolean v) { microphoneMuted = v; return this; }
    public Builder speakerMuted(boolean v) { speakerMuted = v; return this; }
    public Builder otherMicrophoneMuted(boolean v) { otherMicrophoneMuted = v; return this; }
    public Builder uploadVideoSelf(boolean v) { uploadVideoSelf = v; return this; }
    public Builder uploadVideoOther(boolean v) { uploadVideoOther = v; return this; }
    public Builder held(boolean v) { held = v; return this; }
    public Builder otherHeld(boolean v) { otherHeld = v; return this; }
    public Builder uploadQuality(NetworkQuality v) { uploadQuality = v; return this; }
    public Builder downloadQuality(NetworkQuality v) { downloadQuality = v; return this; }
    public Builder statistics(MediaStats v) { statistics = v; return this; }
    public Builder extraParam(String v) { extraParam = v; return this; }

    public CallItem build() {
      return new CallItem(this);
    }
  }
}
