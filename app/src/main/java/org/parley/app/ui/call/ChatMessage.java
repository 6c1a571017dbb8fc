package org.parley.app.ui.call;

import java.time.Instant;

/**
 * One in-call chat message as the chat panel lists it.
 *
 * @param who the sender's display name
 * @param at when it was sent or received
 * @param text the message
 * @param mine whether we sent it
 */
record ChatMessage(String who, Instant at, String text, boolean mine) {}
