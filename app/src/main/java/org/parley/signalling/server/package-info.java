/**
 * The Parley signalling server: {@link org.parley.signalling.server.SignallingServer} over
 * Java-WebSocket, configured by {@link org.parley.signalling.server.ServerConfig}. Presence and
 * routing sit behind {@link org.parley.signalling.server.UserDirectory} and {@link
 * org.parley.signalling.server.MessageRouter} so they can move to a shared engine.
 */
package org.parley.signalling.server;
