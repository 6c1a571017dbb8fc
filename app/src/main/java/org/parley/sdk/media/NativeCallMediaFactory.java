package org.parley.sdk.media;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Objects;
import java.util.function.Supplier;
import org.parley.media.video.VideoSource;
import org.parley.sdk.call.CallMediaFactory;
import org.parley.sdk.call.CallMediaSession;
import org.parley.sdk.call.MediaRequest;

/**
 * The production {@link CallMediaFactory}: each call's media is a native {@link
 * org.parley.media.call.CallMedia} (SRTP with SDES keys, RFC 4568) and its SDP comes from {@code
 * org.parley.sdk.sdp}. The camera is asked of {@code camera} when the media is made.
 */
public final class NativeCallMediaFactory implements CallMediaFactory {
  private final MediaOptions options;
  private final Supplier<VideoSource> camera;
  private final String cname;

  public NativeCallMediaFactory(MediaOptions options, Supplier<VideoSource> camera, String cname) {
    this.options = Objects.requireNonNull(options, "options");
    this.camera = Objects.requireNonNull(camera, "camera");
    this.cname = Objects.requireNonNull(cname, "cname");
  }

  @Override
  public CallMediaSession create(MediaRequest request, CallMediaSession.Listener listener) {
    return new NativeCallMediaSession(request, options, camera.get(), advertisedAddress(), cname, listener);
  }

  /** The address to write into SDP (see {@link MediaOptions#advertisedAddress}). */
  String advertisedAddress() {
    String configured = options.advertisedAddress();
    if (!configured.isEmpty()) {
      return configured;
    }
    String bind = options.bindAddress();
    try {
      InetAddress a = InetAddress.getByName(bind);
      if (!a.isAnyLocalAddress()) {
        return a.getHostAddress();
      }
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress ia : Collections.list(nif.getInetAddresses())) {
          if (ia instanceof Inet4Address && ia.isSiteLocalAddress()) {
            return ia.getHostAddress();
          }
        }
      }
    } catch (UnknownHostException | SocketException e) {
      throw new IllegalArgumentException("cannot find a media address to advertise: " + e.getMessage(), e);
    }
    return "127.0.0.1";
  }
}
