package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole session description (RFC 8866 section 5): the session-level lines and the media
 * sections in order. Immutable; build one with {@link #builder}, read one with {@link
 * SdpParser}, write one with {@link SdpWriter}. Lines the model does not keep (u=, e=, p=, r=,
 * z=, k=) are checked for syntax and dropped.
 *
 * @param info the i= line, null when absent
 * @param connection the session-level c= line, null when every media section has its own
 * @param timings the t= lines (at least one; Parley writes "0 0")
 * @param direction a session-level direction attribute, null when absent
 * @param attributes the other session-level attributes in order
 */
public record SessionDescription(
    Origin origin,
    String name,
    String info,
    Connection connection,
    List<Bandwidth> bandwidths,
    List<Timing> timings,
    Direction direction,
    List<Attribute> attributes,
    List<MediaDescription> media) {
  public SessionDescription {
    SdpSyntax.required(origin, "o= line");
    SdpSyntax.text(name, "s= session name", false);
    if (info != null) {
      SdpSyntax.text(info, "i=", false);
    }
    bandwidths = SdpSyntax.list(bandwidths, "b= lines");
    timings = SdpSyntax.list(timings, "t= lines");
    if (timings.isEmpty()) {
      throw new IllegalArgumentException("a session description needs a t= line");
    }
    attributes = SdpSyntax.list(attributes, "attributes");
    media = SdpSyntax.list(media, "media sections");
    if (connection == null) {
      for (int i = 0; i < media.size(); i++) {
        if (media.get(i).connection() == null) {
          throw new IllegalArgumentException(
              "media section " + (i + 1) + " has no c= line and there is none at session level");
        }
      }
    }
  }

  /** The direction that applies to a media section: its own, else the session's, else sendrecv. */
  public Direction directionOf(MediaDescription m) {
    if (m.direction() != null) {
      return m.direction();
    }
    return direction != null ? direction : Direction.SENDRECV;
  }

  /** The connection that applies to a media section: its own, else the session's. */
  public Connection connectionOf(MediaDescription m) {
    return m.connection() != null ? m.connection() : connection;
  }

  public static Builder builder(Origin origin) {
    return new Builder(origin);
  }

  /** Collects a session description; {@link #build()} checks it. */
  public static final class Builder {
    private final Origin origin;
    private String name = "-";
    private String info;
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private final List<Timing> timings = new ArrayList<>();
    private Direction direction;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();

    private Builder(Origin origin) {
      this.origin = origin;
    }

    /** The s= text; "-" when not set. */
    public Builder name(String value) {
      name = value;
      return this;
    }

    public Builder info(String value) {
      info = value;
      return this;
    }

    public Builder connection(Connection value) {
      connection = value;
      return this;
    }

    public Builder bandwidth(Bandwidth value) {
      bandwidths.add(value);
      return this;
    }

    /** Adds a t= line; "t=0 0" is used when none is added. */
    public Builder timing(Timing value) {
      timings.add(value);
      return this;
    }

    public Builder direction(Direction value) {
      direction = value;
      return this;
    }

    public Builder attribute(Attribute value) {
      attributes.add(value);
      return this;
    }

    public Builder media(MediaDescription value) {
      media.add(value);
      return this;
    }

    boolean hasDirection() {
      return direction != null;
    }

    int mediaCount() {
      return media.size();
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public SessionDescription build() {
      List<Timing> t = timings.isEmpty() ? List.of(Timing.UNBOUNDED) : timings;
      return new SessionDescription(
          origin, name, info, connection, bandwidths, t, direction, attributes, media);
    }

    /** Like {@link #build()} but without the t= default (the parser requires the line). */
    SessionDescription buildStrict() {
      return new SessionDescription(
          origin, name, info, connection, bandwidths, timings, direction, attributes, media);
    }
  }
}
