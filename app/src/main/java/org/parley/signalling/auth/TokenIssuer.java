package org.parley.signalling.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.parley.signalling.protocol.UserIds;

/**
 * Issues login tokens: {@code base64url(user) "." expiryEpochSeconds "."
 * base64url(HMAC-SHA256(secret, user "\n" expiryEpochSeconds))}, base64url without padding
 * (RFC 4648 section 5). The expiry is the clock's now plus the time to live, in whole seconds.
 * Thread-safe.
 */
public final class TokenIssuer {
  private final HmacSha256 mac;
  private final Clock clock;

  /**
   * @param secret the server secret (not empty)
   * @param clock the clock that dates the expiry
   */
  public TokenIssuer(byte[] secret, Clock clock) {
    this.mac = new HmacSha256(secret);
    this.clock = clock;
  }

  /**
   * A token for {@code user} valid for {@code ttl}.
   *
   * @throws IllegalArgumentException for an invalid user id or a ttl that is not positive
   */
  public String issue(String user, Duration ttl) {
    if (!UserIds.isValid(user)) {
      throw new IllegalArgumentException("invalid user id '" + user + "'");
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("the time to live must be positive");
    }
    long expiry = clock.instant().plus(ttl).getEpochSecond();
    return HmacSha256.B64.encodeToString(user.getBytes(StandardCharsets.UTF_8)) + "." + expiry
        + "." + HmacSha256.B64.encodeToString(mac.mac(user, expiry));
  }
}
