/**
 * Login tokens of the signalling server: HMAC-SHA256 tokens ({@link
 * org.parley.signalling.auth.TokenIssuer}, {@link org.parley.signalling.auth.TokenVerifier}),
 * the {@link org.parley.signalling.auth.Authenticator} the server asks, and the secret file.
 */
package org.parley.signalling.auth;
