/**
 * Session descriptions for Parley calls: the SDP model ({@link
 * org.parley.sdk.sdp.SessionDescription}, {@link org.parley.sdk.sdp.MediaDescription}), a strict
 * bounded parser ({@link org.parley.sdk.sdp.SdpParser}, RFC 8866), a writer ({@link
 * org.parley.sdk.sdp.SdpWriter}), and the offer/answer model of RFC 3264 ({@link
 * org.parley.sdk.sdp.OfferAnswer}) whose result, {@link org.parley.sdk.sdp.NegotiatedMedia}, goes
 * into {@code org.parley.media.call.CallMediaSettings} or a running {@code CallMedia}.
 *
 * <p>What Parley writes: one media socket carries audio and video, RTP and RTCP (RFC 5761), so
 * both m= lines have the same port; SRTP keys travel in a=crypto (RFC 4568) under RTP/SAVPF, or
 * the profile is RTP/AVPF for plain RTP when both sides allow it; the socket's address is also
 * given as an RFC 8839 host candidate. Opus (RFC 7587) is payload type 111 with in-band FEC;
 * VP8 (RFC 7741) is 96 with NACK, PLI and REMB feedback; RTX (RFC 4588) is 97; the sources are
 * named with a=ssrc and the video's retransmission source is paired by a=ssrc-group:FID (RFC
 * 5576); abs-send-time is header extension 3 (RFC 8285). A real offer (lines end with CRLF):
 *
 * <pre>
 * v=0
 * o=- 4611731400430051336 1 IN IP4 192.0.2.10
 * s=-
 * c=IN IP4 192.0.2.10
 * t=0 0
 * m=audio 50000 RTP/SAVPF 111
 * a=sendrecv
 * a=rtcp-mux
 * a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
 * a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz
 * a=candidate:1 1 UDP 2130706431 192.0.2.10 50000 typ host
 * a=rtpmap:111 opus/48000/2
 * a=fmtp:111 minptime=10;useinbandfec=1
 * a=ssrc:2882400001 cname:parley-4f2a
 * m=video 50000 RTP/SAVPF 96 97
 * a=sendrecv
 * a=rtcp-mux
 * a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time
 * a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz
 * a=candidate:1 1 UDP 2130706431 192.0.2.10 50000 typ host
 * a=rtpmap:96 VP8/90000
 * a=rtcp-fb:96 nack
 * a=rtcp-fb:96 nack pli
 * a=rtcp-fb:96 goog-remb
 * a=rtpmap:97 rtx/90000
 * a=fmtp:97 apt=96
 * a=ssrc-group:FID 2882400002 2882400003
 * a=ssrc:2882400002 cname:parley-4f2a
 * a=ssrc:2882400003 cname:parley-4f2a
 * </pre>
 *
 * <p>An answer has the offer's m= lines in the same order with the offer's payload types; a
 * stream it does not take has port 0, and a voice-only answer to a video call answers the video
 * line {@code a=recvonly}.
 */
package org.parley.sdk.sdp;
