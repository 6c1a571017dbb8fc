package org.parley.sdk.sdp;

import org.parley.media.call.CallMediaSettings;

/**
 * What an offer and its answer agreed for one call's media (from {@link OfferAnswer#negotiate}).
 * Plain getters, so the call manager can use it in either of two ways:
 *
 * <ul>
 *   <li>Callee: the agreement does not depend on its own port or SSRCs, so it negotiates a draft
 *       answer ({@code negotiate(createAnswer(offer, draft), offer)} with any port and the keys
 *       it will use), calls {@link #applyTo(CallMediaSettings)}, creates the {@code CallMedia}
 *       from the settings, and then writes the real answer with the media's port and SSRCs.
 *   <li>Caller (it creates its {@code CallMedia} to learn its port and SSRCs for the offer, with
 *       its one offered key as local crypto): when the answer arrives, call {@code
 *       setRemote(remoteAddress(), remotePort())}, {@code setRemoteCrypto(remoteCrypto())},
 *       {@code setRemoteSsrcs(remoteAudioSsrc(), remoteVideoSsrc())} on it.
 * </ul>
 *
 * <p>Either way, after creation call {@code setVideoSending(sendVideo())}: the core runs video
 * when it is sent or received ({@link #video()}), and the answer may have refused ours.
 *
 * @param remoteAddress the peer's media address (c= with m=, or its host candidate)
 * @param remotePort the peer's media port
 * @param audio whether audio was agreed
 * @param audioPayloadType Opus's payload type (111 when there is no audio)
 * @param sendVideo whether we send video (our direction sends, the peer's receives)
 * @param receiveVideo whether the peer sends us video
 * @param videoPayloadType VP8's payload type (96 when there is no video)
 * @param videoRtxPayloadType RTX's payload type, 0 when RTX was not agreed (resend as is)
 * @param remoteAudioSsrc from the peer's a=ssrc, 0 when unknown (learnt from the first packet)
 * @param remoteVideoSsrc from the peer's a=ssrc-group:FID or a=ssrc, 0 when unknown
 * @param remoteVideoRtxSsrc the peer's RTX source, 0 when unknown
 * @param plainRtp whether both sides agreed to plain RTP (RTP/AVPF)
 * @param localCrypto our a=crypto value for this call, "" with plain RTP
 * @param remoteCrypto the peer's a=crypto value, "" with plain RTP
 * @param rtcpMux whether both sides said a=rtcp-mux (Parley always multiplexes)
 * @param absSendTime whether both sides use abs-send-time with Parley's id
 */
public record NegotiatedMedia(
    String remoteAddress,
    int remotePort,
    boolean audio,
    int audioPayloadType,
    boolean sendVideo,
    boolean receiveVideo,
    int videoPayloadType,
    int videoRtxPayloadType,
    long remoteAudioSsrc,
    long remoteVideoSsrc,
    long remoteVideoRtxSsrc,
    boolean plainRtp,
    String localCrypto,
    String remoteCrypto,
    boolean rtcpMux,
    boolean absSendTime) {

  /** Whether the core should run video at all (sent or received). */
  public boolean video() {
    return sendVideo || receiveVideo;
  }

  /**
   * Puts the agreement into {@code settings}: remote address, audio and video flags, payload
   * types, remote SSRCs, and either both keys or plain RTP. Devices, bind address and bit rates
   * stay as they were.
   *
   * @return {@code settings}
   */
  public CallMediaSettings applyTo(CallMediaSettings settings) {
    settings
        .remote(remoteAddress, remotePort)
        .audio(audio)
        .video(video())
        .payloadTypes(audioPayloadType, videoPayloadType, videoRtxPayloadType)
        .remoteSsrcs(remoteAudioSsrc, remoteVideoSsrc)
        .allowPlainRtp(plainRtp);
    if (plainRtp) {
      settings.crypto("", "");
    } else {
      settings.crypto(localCrypto, remoteCrypto);
    }
    return settings;
  }
}
