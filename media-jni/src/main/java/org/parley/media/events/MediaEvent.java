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
    UNKNOWN;

    static Type of(int code) {
      return switch (code) {
        case 1 -> FIRST_FRAME_RENDERED;
        case 2 -> VIDEO_SIZE_CHANGED;
        case 3 -> CAPTURE_STARTED;
        case 4 -> CAPTURE_ERROR;
        case 5 -> RENDER_ERROR;
        default -> UNKNOWN;
      };
    }
  }
}
