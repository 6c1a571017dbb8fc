package org.parley.sdk.call;

/**
 * What a {@link CallMediaFactory} is asked for.
 *
 * @param callId the call the media belongs to
 * @param video whether the call carries video at all (offer or accept video)
 * @param sendVideo whether this side sends video (false for a voice-only answer of a video call)
 */
public record MediaRequest(String callId, boolean video, boolean sendVideo) {}
