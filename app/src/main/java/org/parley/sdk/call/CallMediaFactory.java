package org.parley.sdk.call;

/**
 * Makes the media of one call. Production: {@link org.parley.sdk.media.NativeCallMediaFactory}
 * (the native core, SDP through {@code org.parley.sdk.sdp}); unit tests use a fake.
 */
public interface CallMediaFactory {
  /**
   * Creates (and binds) the media of a call. Events reach {@code listener} on any thread.
   *
   * @throws RuntimeException when the media cannot be created (the call ends with {@link
   *     CallReason#MEDIA_ERROR})
   */
  CallMediaSession create(MediaRequest request, CallMediaSession.Listener listener);
}
