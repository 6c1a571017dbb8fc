/**
 * The Parley signalling protocol, version 1: message types, the immutable {@link
 * org.parley.signalling.protocol.Message}, the validating {@link
 * org.parley.signalling.protocol.MessageCodec} and error codes. Plain data shared by the client
 * and the server; see {@code docs/signalling-protocol.md}.
 */
package org.parley.signalling.protocol;
