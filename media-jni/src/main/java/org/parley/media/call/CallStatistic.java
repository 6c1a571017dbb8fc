package org.parley.media.call;

/**
 * The figures one call's media reports, in the order of the native {@code CallStatistic}
 * indices ({@code CallStatisticTest} checks the two lists agree).
 */
public enum CallStatistic {
  RTT_MS,
  TARGET_BITRATE_BPS,
  AUDIO_TARGET_BPS,
  VIDEO_TARGET_BPS,
  REMB_RECEIVED_BPS,
  RECEIVE_ESTIMATE_BPS,
  AUDIO_PACKETS_SENT,
  AUDIO_BYTES_SENT,
  AUDIO_PACKETS_RECEIVED,
  AUDIO_BYTES_RECEIVED,
  AUDIO_PACKETS_LOST,
  AUDIO_JITTER_MS,
  VIDEO_PACKETS_SENT,
  VIDEO_BYTES_SENT,
  VIDEO_PACKETS_RECEIVED,
  VIDEO_BYTES_RECEIVED,
  VIDEO_PACKETS_LOST,
  VIDEO_JITTER_MS,
  RETRANSMISSIONS_SENT,
  RETRANSMISSIONS_RECEIVED,
  NACKS_SENT,
  NACKS_RECEIVED,
  PLIS_SENT,
  PLIS_RECEIVED,
  FRAMES_ENCODED,
  FRAMES_DECODED,
  FRAMES_RENDERED,
  KEYFRAMES_ENCODED,
  VIDEO_DELAY_MS,
  AUDIO_DELAY_MS,
  AUDIO_TARGET_DELAY_MS,
  AUDIO_PLAYED_MS,
  AUDIO_CONCEALED_MS,
  AUDIO_FEC_RECOVERED_MS,
  AUDIO_LATE_PACKETS,
  AUDIO_DISCARDED_PACKETS,
  INPUT_LEVEL,
  OUTPUT_LEVEL,
  MICROPHONE_MUTED,
  SPEAKER_MUTED,
  SRTP_AUTH_FAILURES,
  SRTP_REPLAYS,
  MALFORMED_PACKETS,
  PACER_QUEUE_DELAY_MS,
  LIP_SYNC_OFFSET_MS,
  LIP_SYNC_VIDEO_DELAY_MS,
  MEDIA_TIMED_OUT;

  /** The native name: RTT_MS is "rttMs". */
  public String nativeName() {
    StringBuilder name = new StringBuilder();
    boolean upper = false;
    for (char c : name().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return name.toString();
  }
}
