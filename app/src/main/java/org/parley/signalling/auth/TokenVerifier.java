package org.parley.signalling.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Checks login tokens made by {@link TokenIssuer}: the MAC in constant time
 * ({@link MessageDigest#isEqual}), then the expiry against the injected clock. An expired
 * token is reported as such only when its MAC is right, so a forger learns nothing. Thread-safe.
 */
public final class TokenVerifier {
  private static final Pattern B64URL = Pattern.compile("[A-Za-z0-9_-]{1,512}");
  private static final Pattern EXPIRY = Pattern.compile("[0-9]{1,18}");

  private final HmacSha256 mac;
  private final Clock clock;

  public TokenVerifier(byte[] secret, Clock clock) {
    this.mac = new HmacSha256(secret);
    this.clock = clock;
  }

  /** Checks that {@code token} admits {@code user} now. Never throws for bad input. */
  public TokenCheck check(String user, String token) {
    if (user == null || token == null) {
      return TokenCheck.MALFORMED;
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !B64URL.matcher(parts[0]).matches()
        || !EXPIRY.matcher(parts[1]).matches() || !B64URL.matcher(parts[2]).matches()) {
      return TokenCheck.MALFORMED;
    }
    byte[] tokenUser;
    byte[] tokenMac;
    try {
      tokenUser = HmacSha256.B64_DECODER.decode(parts[0]);
      tokenMac = HmacSha256.B64_DECODER.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return TokenCheck.MALFORMED;
    }
    long expiry = Long.parseLong(parts[1]);
    byte[] expected = mac.mac(user, expiry);
    boolean userMatches =
        MessageDigest.isEqual(tokenUser, user.getBytes(StandardCharsets.UTF_8));
    boolean macMatches = MessageDigest.isEqual(tokenMac, expected);
    if (!userMatches) {
      return TokenCheck.WRONG_USER;
    }
    if (!macMatches) {
      return TokenCheck.BAD_MAC;
    }
    if (clock.instant().getEpochSecond() >= expiry) {
      return TokenCheck.EXPIRED;
    }
    return TokenCheck.VALID;
  }
}
