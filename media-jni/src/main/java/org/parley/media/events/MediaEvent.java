package org.parley.media.events;

/**
 * An event from the media core, delivered on the {@link MediaEventPump}'s thread.
 *
 * @param type what happened (one of the {@code ParleyCore.EVENT_*} codes, see {@link Type})
 * @param objectId the id of the native object that raised it (a preview, a stream)
 */
public record MediaEvent(Type type, long objectId, int width, int height, int value, String message) {
  /** Kinds of events. */
  public enum Type {
    FIRST_FRAME_RENDERED,
    VIDEO_SIZE_CHANGED,
    CAPTURE_STARTED,
    CAPTURE_ERROR,
    RENDER_ERROR,
    /** Nothing came from the peer for the media timeout: end the call with a network reason. */
    MEDIA_TIMEOUT,
    /** The peer sent RTCP BYE ({@code value} is its SSRC). */
    REMOTE_BYE,
    /** A microphone or speaker went away; the call goes on on the default device. */
    AUDIO_DEVICE_LOST,
    /** The call moved to another audio device ({@code message}: "from -> to"). */
    AUDIO_DEVICE_SWITCHED,
    /** A microphone or speaker could not be used ({@code message} says why). */
    AUDIO_DEVICE_ERROR,
    UNKNOWN;

    static Type of(int code) {
      return switch (code) {
        case 1 -> FIRST_FRAME_RENDERED;
        case 2 -> VIDEO_SIZE_CHANGED;
        case 3 -> CAPTURE_STARTED;
        case 4 -> CAPTURE_ERROR;
        case 5 -> RENDER_ERROR;
        case 6 -> MEDIA_TIMEOUT;
        case 7 -> REMOTE_BYE;
        case 8 -> AUDIO_DEVICE_LOST;
        case 9 -> AUDIO_DEVICE_SWITCHED;
        case 10 -> AUDIO_DEVICE_ERROR;
        default -> UNKNOWN;
      };
    }
  }
}
