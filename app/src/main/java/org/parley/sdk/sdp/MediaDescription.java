package org.parley.sdk.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One media section (RFC 8866 section 5.14): the {@code m=} line and the lines under it. Known
 * attributes are typed; every other attribute is kept in {@link #attributes()} in order.
 * Immutable; build one with {@link #builder}.
 *
 * @param media "audio", "video", or another media type
 * @param port 0 for a rejected or disabled stream (RFC 3264 section 6)
 * @param proto "RTP/SAVPF" (SRTP), "RTP/AVPF" (plain RTP), or another protocol
 * @param formats the fmt tokens of the m= line, in order (payload types for RTP)
 * @param info the i= line, null when absent
 * @param connection the media-level c= line, null when absent
 * @param direction the direction attribute, null when absent (see {@link SessionDescription#directionOf})
 * @param payloadFormats rtpmap/fmtp/rtcp-fb per payload type, in m= line order (RTP only)
 */
public record MediaDescription(
    String media,
    int port,
    String proto,
    List<String> formats,
    String info,
    Connection connection,
    List<Bandwidth> bandwidths,
    Direction direction,
    boolean rtcpMux,
    List<Extmap> extmaps,
    List<Crypto> cryptos,
    List<Candidate> candidates,
    List<PayloadFormat> payloadFormats,
    List<Attribute> attributes,
    List<SsrcGroup> ssrcGroups,
    List<SsrcAttribute> ssrcs) {
  public static final String AUDIO = "audio";
  public static final String VIDEO = "video";
  public static final String SRTP_PROTO = "RTP/SAVPF";
  public static final String RTP_PROTO = "RTP/AVPF";

  public MediaDescription {
    SdpSyntax.token(media, "m= media type");
    SdpSyntax.range(port, 0, 65535, "m= port");
    SdpSyntax.word(proto, "m= protocol");
    for (String part : proto.split("/", -1)) {
      SdpSyntax.token(part, "m= protocol part");
    }
    formats = SdpSyntax.list(formats, "m= formats");
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("m= line needs at least one format");
    }
    for (String format : formats) {
      SdpSyntax.token(format, "m= format");
    }
    if (info != null) {
      SdpSyntax.text(info, "i=", false);
    }
    bandwidths = SdpSyntax.list(bandwidths, "b= lines");
    extmaps = SdpSyntax.list(extmaps, "a=extmap lines");
    cryptos = SdpSyntax.list(cryptos, "a=crypto lines");
    candidates = SdpSyntax.list(candidates, "a=candidate lines");
    attributes = SdpSyntax.list(attributes, "attributes");
    ssrcGroups = SdpSyntax.list(ssrcGroups, "a=ssrc-group lines");
    ssrcs = SdpSyntax.list(ssrcs, "a=ssrc lines");
    payloadFormats = checkPayloadFormats(proto, formats, SdpSyntax.list(payloadFormats, "payload formats"));
  }

  private static List<PayloadFormat> checkPayloadFormats(
      String proto, List<String> formats, List<PayloadFormat> payloadFormats) {
    if (!isRtp(proto)) {
      if (!payloadFormats.isEmpty()) {
        throw new IllegalArgumentException("payload formats need an RTP protocol, not " + proto);
      }
      return payloadFormats;
    }
    Set<String> seen = new HashSet<>();
    for (String format : formats) {
      SdpSyntax.number(format, 0, 127, "RTP payload type on the m= line");
      if (!seen.add(String.valueOf(Integer.parseInt(format)))) {
        throw new IllegalArgumentException("payload type " + format + " is listed twice on the m= line");
      }
    }
    Set<Integer> described = new HashSet<>();
    for (PayloadFormat pf : payloadFormats) {
      if (!seen.contains(String.valueOf(pf.payloadType()))) {
        throw new IllegalArgumentException(
            "payload type " + pf.payloadType() + " has attributes but is not on the m= line");
      }
      if (!described.add(pf.payloadType())) {
        throw new IllegalArgumentException("payload type " + pf.payloadType() + " is described twice");
      }
    }
    List<PayloadFormat> sorted = new ArrayList<>(payloadFormats);
    sorted.sort(Comparator.comparingInt(pf -> indexOf(formats, pf.payloadType())));
    return List.copyOf(sorted);
  }

  private static int indexOf(List<String> formats, int payloadType) {
    for (int i = 0; i < formats.size(); i++) {
      if (Integer.parseInt(formats.get(i)) == payloadType) {
        return i;
      }
    }
    return formats.size();
  }

  /** Whether the protocol carries RTP (RTP/AVP, RTP/SAVPF, UDP/TLS/RTP/SAVPF, ...). */
  public static boolean isRtp(String proto) {
    return proto.startsWith("RTP/") || proto.contains("/RTP/");
  }

  public boolean isRtp() {
    return isRtp(proto);
  }

  /** The payload format with an rtpmap for this encoding, or null. */
  public PayloadFormat find(String encodingName, int clockRate, int channels) {
    for (PayloadFormat pf : payloadFormats) {
      if (pf.is(encodingName, clockRate, channels)) {
        return pf;
      }
    }
    return null;
  }

  /** The first value of a kept attribute, null when absent (a flag gives ""). */
  public String attribute(String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return a.value() == null ? "" : a.value();
      }
    }
    return null;
  }

  public Builder toBuilder() {
    Builder b = new Builder(media, port, proto, formats);
    b.info = info;
    b.connection = connection;
    b.bandwidths.addAll(bandwidths);
    b.direction = direction;
    b.rtcpMux = rtcpMux;
    b.extmaps.addAll(extmaps);
    b.cryptos.addAll(cryptos);
    b.candidates.addAll(candidates);
    b.payloadFormats.addAll(payloadFormats);
    b.attributes.addAll(attributes);
    b.ssrcGroups.addAll(ssrcGroups);
    b.ssrcs.addAll(ssrcs);
    return b;
  }

  public static Builder builder(String media, int port, String proto, List<String> formats) {
    return new Builder(media, port, proto, formats);
  }

  /** Collects a media section; {@link #build()} checks it. */
  public static final class Builder {
    private String media;
    private int port;
    private String proto;
    private List<String> formats;
    private String info;
    private Connection connection;
    private final List<Bandwidth> bandwidths = new ArrayList<>();
    private Direction direction;
    private boolean rtcpMux;
    private final List<Extmap> extmaps = new ArrayList<>();
    private final List<Crypto> cryptos = new ArrayList<>();
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<PayloadFormat> payloadFormats = new ArrayList<>();
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
    private final List<SsrcAttribute> ssrcs = new ArrayList<>();

    private Builder(String media, int port, String proto, List<String> formats) {
      this.media = media;
      this.port = port;
      this.proto = proto;
      this.formats = formats;
    }

    public Builder media(String value) {
      media = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder proto(String value) {
      proto = value;
      return this;
    }

    public Builder formats(List<String> value) {
      formats = value;
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

    public Builder direction(Direction value) {
      direction = value;
      return this;
    }

    public Builder rtcpMux(boolean value) {
      rtcpMux = value;
      return this;
    }

    public Builder extmap(Extmap value) {
      extmaps.add(value);
      return this;
    }

    public Builder crypto(Crypto value) {
      cryptos.add(value);
      return this;
    }

    public Builder candidate(Candidate value) {
      candidates.add(value);
      return this;
    }

    public Builder payloadFormat(PayloadFormat value) {
      payloadFormats.add(value);
      return this;
    }

    /** Replaces the payload formats (an answer keeps only what it accepts). */
    public Builder payloadFormats(List<PayloadFormat> values) {
      payloadFormats.clear();
      payloadFormats.addAll(values);
      return this;
    }

    public Builder attribute(Attribute value) {
      attributes.add(value);
      return this;
    }

    public Builder ssrcGroup(SsrcGroup value) {
      ssrcGroups.add(value);
      return this;
    }

    public Builder ssrc(SsrcAttribute value) {
      ssrcs.add(value);
      return this;
    }

    /** Drops the SSRC lines and groups (a side that sends nothing names no sources). */
    public Builder clearSsrcs() {
      ssrcGroups.clear();
      ssrcs.clear();
      return this;
    }

    PayloadFormat payloadFormat(int payloadType) {
      for (PayloadFormat pf : payloadFormats) {
        if (pf.payloadType() == payloadType) {
          return pf;
        }
      }
      return null;
    }

    void replacePayloadFormat(PayloadFormat old, PayloadFormat value) {
      payloadFormats.set(payloadFormats.indexOf(old), value);
    }

    boolean hasDirection() {
      return direction != null;
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public MediaDescription build() {
      return new MediaDescription(
          media, port, proto, formats, info, connection, bandwidths, direction, rtcpMux,
          extmaps, cryptos, candidates, payloadFormats, attributes, ssrcGroups, ssrcs);
    }
  }
}
