package org.parley.app.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.ParleyConfig;

/** The SDK adapter: a 440 Hz tone stand-in reads as loud; a missing device is an IOException. */
class LevelMeterSourceTest {
  final ParleyClient client = new ParleyClient(
      ParleyConfig.builder(URI.create("ws://127.0.0.1:9/signalling"), "meter").camera("test-pattern").build());

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void toneMicrophoneMovesTheMeter() throws Exception {
    LevelMeterSource source = LevelMeterSource.of(client.mediaDevice());
    try (LevelMeter meter = source.open("tone:440")) {
      SettingsDialogTest.waitFor(() -> meter.level() > 20);
      assertTrue(meter.level() <= 100);
    }
  }

  @Test
  void unknownMicrophoneIsAnIoErrorWithTheReason() {
    LevelMeterSource source = LevelMeterSource.of(client.mediaDevice());
    IOException e = assertThrows(IOException.class, () -> source.open("no-such-microphone-id"));
    assertFalse(e.getMessage() == null || e.getMessage().isBlank());
    assertEquals(IllegalStateException.class, e.getCause().getClass());
  }
}
