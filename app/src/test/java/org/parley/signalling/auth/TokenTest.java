package org.parley.signalling.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.signalling.protocol.ErrorCode;

class TokenTest {
  private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  @Test
  void tokenHasTheDocumentedFormat() throws Exception {
    String token = new TokenIssuer(SECRET, clock).issue("alice", Duration.ofHours(24));
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length, token);
    assertEquals("YWxpY2U", parts[0]);
    long expiry = NOW.getEpochSecond() + 24 * 3600;
    assertEquals(Long.toString(expiry), parts[1]);
    // Independent computation of the MAC over "alice\n<expiry>".
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
    byte[] expected = mac.doFinal(("alice\n" + expiry).getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(expected, Base64.getUrlDecoder().decode(parts[2]));
    assertFalse(token.contains("="), "no padding");
  }

  @Test
  void verifierTable() {
    TokenIssuer issuer = new TokenIssuer(SECRET, clock);
    String good = issuer.issue("alice", Duration.ofMinutes(10));
    String[] p = good.split("\\.");
    String otherSecret = new TokenIssuer("other".getBytes(StandardCharsets.UTF_8), clock)
        .issue("alice", Duration.ofMinutes(10));
    String bumpedExpiry = p[0] + "." + (Long.parseLong(p[1]) + 3600) + "." + p[2];
    Object[][] cases = {
        {"valid", "alice", good, NOW, TokenCheck.VALID},
        {"one second before expiry", "alice", good, NOW.plusSeconds(599), TokenCheck.VALID},
        {"at expiry", "alice", good, NOW.plusSeconds(600), TokenCheck.EXPIRED},
        {"other user", "bob", good, NOW, TokenCheck.WRONG_USER},
        {"other secret", "alice", otherSecret, NOW, TokenCheck.BAD_MAC},
        {"expiry edited", "alice", bumpedExpiry, NOW, TokenCheck.BAD_MAC},
        {"expired forgery reads as bad mac", "alice", bumpedExpiry, NOW.plusSeconds(99_999),
            TokenCheck.BAD_MAC},
        {"two parts", "alice", p[0] + "." + p[1], NOW, TokenCheck.MALFORMED},
        {"four parts", "alice", good + ".x", NOW, TokenCheck.MALFORMED},
        {"negative expiry", "alice", p[0] + ".-1." + p[2], NOW, TokenCheck.MALFORMED},
        {"padding", "alice", good + "=", NOW, TokenCheck.MALFORMED},
        {"empty", "alice", "", NOW, TokenCheck.MALFORMED},
        {"null", "alice", null, NOW, TokenCheck.MALFORMED},
    };
    for (Object[] c : cases) {
      TokenVerifier v = new TokenVerifier(SECRET, at((Instant) c[3]));
      assertEquals(c[4], v.check((String) c[1], (String) c[2]), (String) c[0]);
    }
  }

  @Test
  void authenticatorsMapChecksToErrorCodes() {
    String good = new TokenIssuer(SECRET, clock).issue("alice", Duration.ofSeconds(60));
    Authenticator hmac = Authenticator.hmac(SECRET, clock);
    assertTrue(hmac.requiresToken());
    assertNull(hmac.authenticate("alice", good));
    assertEquals(ErrorCode.AUTH_FAILED, hmac.authenticate("alice", null));
    assertEquals(ErrorCode.AUTH_FAILED, hmac.authenticate("bob", good));
    assertEquals(ErrorCode.TOKEN_EXPIRED,
        Authenticator.hmac(SECRET, at(NOW.plusSeconds(60))).authenticate("alice", good));
    assertEquals(ErrorCode.INVALID_USER, hmac.authenticate("a b", good));
    Authenticator open = Authenticator.open();
    assertFalse(open.requiresToken());
    assertNull(open.authenticate("anyone", null));
    assertEquals(ErrorCode.INVALID_USER, open.authenticate("", null));
  }

  @Test
  void issuerRejectsBadInput() {
    TokenIssuer issuer = new TokenIssuer(SECRET, clock);
    assertThrows(IllegalArgumentException.class, () -> issuer.issue("a b", Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> issuer.issue("a", Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new TokenIssuer(new byte[0], clock));
  }

  @Test
  void secretFileIsCreatedPrivateAndReadBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub").resolve("server-secret");
    boolean[] created = new boolean[1];
    byte[] first = SecretFiles.readOrCreate(file, created);
    assertTrue(created[0]);
    assertEquals(43, first.length);
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    byte[] again = SecretFiles.readOrCreate(file, created);
    assertFalse(created[0]);
    assertArrayEquals(first, again);
    Files.writeString(dir.resolve("empty"), "  \n");
    assertThrows(java.io.IOException.class, () -> SecretFiles.read(dir.resolve("empty")));
  }
}
