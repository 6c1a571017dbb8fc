package org.parley.signalling.auth;

import java.time.Clock;
import org.parley.signalling.protocol.ErrorCode;
import org.parley.signalling.protocol.UserIds;

/**
 * Decides whether a {@code login} may proceed. Returns null to admit the user, or the error
 * code to answer with ({@code AUTH_FAILED}, {@code TOKEN_EXPIRED}, {@code INVALID_USER}).
 * Implementations are thread-safe.
 */
public interface Authenticator {
  /**
   * @param user the user id from the login (syntax already checked by the codec)
   * @param token the token from the login, or null when absent
   * @return null when admitted, otherwise the error code
   */
  ErrorCode authenticate(String user, String token);

  /** Whether a login needs a token at all. */
  boolean requiresToken();

  /** Open mode (a LAN demo): any valid user id, no token needed (one given is ignored). */
  static Authenticator open() {
    return new Authenticator() {
      @Override
      public ErrorCode authenticate(String user, String token) {
        return UserIds.isValid(user) ? null : ErrorCode.INVALID_USER;
      }

      @Override
      public boolean requiresToken() {
        return false;
      }
    };
  }

  /** Token mode: an HMAC token made with {@code secret} for this user, not expired. */
  static Authenticator hmac(byte[] secret, Clock clock) {
    TokenVerifier verifier = new TokenVerifier(secret, clock);
    return new Authenticator() {
      @Override
      public ErrorCode authenticate(String user, String token) {
        if (!UserIds.isValid(user)) {
          return ErrorCode.INVALID_USER;
        }
        switch (verifier.check(user, token)) {
          case VALID:
            return null;
          case EXPIRED:
            return ErrorCode.TOKEN_EXPIRED;
          default:
            return ErrorCode.AUTH_FAILED;
        }
      }

      @Override
      public boolean requiresToken() {
        return true;
      }
    };
  }
}
