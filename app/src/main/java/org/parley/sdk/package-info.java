/**
 * The Parley SDK: {@link org.parley.sdk.ParleyClient} ties one user's signalling connection,
 * media devices ({@link org.parley.sdk.device}) and one-to-one calls ({@link
 * org.parley.sdk.call}) together, with every callback on one SDK event thread ({@link
 * org.parley.sdk.event}). Call media runs in the native core ({@link org.parley.sdk.media});
 * session descriptions come from {@link org.parley.sdk.sdp}. Nothing here imports Swing.
 */
package org.parley.sdk;
