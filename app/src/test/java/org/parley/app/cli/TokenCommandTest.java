package org.parley.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.signalling.auth.TokenCheck;
import org.parley.signalling.auth.TokenVerifier;

class TokenCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Path defaultSecret, String... args) {
    return TokenCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, defaultSecret);
  }

  @Test
  void printsATokenTheServerAccepts(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "abc\n");
    assertEquals(0, run(dir.resolve("none"), "--user", "alice", "--ttl", "2h",
        "--secret-file", secret.toString()));
    String token = out.toString(StandardCharsets.UTF_8).trim();
    byte[] key = "abc".getBytes(StandardCharsets.UTF_8);
    assertEquals(TokenCheck.VALID, new TokenVerifier(key, CLOCK).check("alice", token));
    assertEquals(TokenCheck.EXPIRED, new TokenVerifier(key,
        Clock.offset(CLOCK, Duration.ofHours(2))).check("alice", token));
  }

  @Test
  void usesTheDefaultSecretFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("server-secret");
    Files.writeString(secret, "xyz");
    assertEquals(0, run(secret, "--user", "bob"));
    String token = out.toString(StandardCharsets.UTF_8).trim();
    assertEquals(TokenCheck.VALID, new TokenVerifier("xyz".getBytes(StandardCharsets.UTF_8),
        Clock.offset(CLOCK, Duration.ofHours(23))).check("bob", token), "24 h by default");
  }

  @Test
  void badUsageIsExitCodeTwo(@TempDir Path dir) {
    String[][] cases = {
        {},
        {"--user"},
        {"--user", "a b"},
        {"--user", "a", "--ttl", "soon"},
        {"--user", "a", "--ttl", "0h"},
        {"--frobnicate", "x"},
    };
    for (String[] c : cases) {
      err.reset();
      assertEquals(2, run(dir.resolve("s"), c), String.join(" ", c));
      String text = err.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains("Usage: parley token"), text);
    }
  }

  @Test
  void missingSecretIsExitCodeOne(@TempDir Path dir) {
    assertEquals(1, run(dir.resolve("absent"), "--user", "alice"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no secret at"));
  }

  @Test
  void ttlSyntax() {
    assertEquals(Duration.ofSeconds(90), TokenCommand.parseTtl("90s"));
    assertEquals(Duration.ofSeconds(90), TokenCommand.parseTtl("90"));
    assertEquals(Duration.ofMinutes(30), TokenCommand.parseTtl("30m"));
    assertEquals(Duration.ofDays(7), TokenCommand.parseTtl("7d"));
    assertNull(TokenCommand.parseTtl("-1h"));
    assertNull(TokenCommand.parseTtl("1w"));
  }
}
