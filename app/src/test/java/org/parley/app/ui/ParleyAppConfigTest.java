package org.parley.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.sdk.ParleyConfig;
import org.parley.sdk.Peer;
import org.parley.sdk.device.CameraProperty;

/** The client configuration the app derives from the preferences, and the peer-name lookup. */
class ParleyAppConfigTest {
  private static final URI SERVER = URI.create("ws://127.0.0.1:8788/signalling");
  @TempDir Path dir;

  @Test
  void defaultsLeaveDevicesToTheSdk() {
    AppPreferences p = AppPreferences.load(dir);
    p.setDisplayName("Alice");
    p.setUserId("alice");
    ParleyConfig c = ParleyApp.clientConfig(p, SERVER, b -> b);
    assertEquals(SERVER, c.serverUri());
    assertEquals("alice", c.user());
    assertEquals("Alice", c.displayName());
    assertNull(c.cameraId(), "null: the first camera listed, else the test pattern");
    assertEquals("default", c.media().microphone());
    assertEquals("default", c.media().speaker());
    assertEquals(new CameraProperty(640, 480, 30), c.cameraProperty());
    assertEquals(2000, c.media().maxBitrateKbps(), "the SDK's own limit when automatic");
  }

  @Test
  void chosenDevicesVideoAndBitrateAreUsed() {
    AppPreferences p = AppPreferences.load(dir);
    p.setDisplayName("Alice");
    p.setCamera("test-pattern");
    p.setMicrophone("tone:440");
    p.setSpeaker("null");
    p.setVideo(1280, 720, 15);
    p.setMaxBitrateKbps(400);
    ParleyConfig c = ParleyApp.clientConfig(p, SERVER, b -> b.token("t"));
    assertEquals("test-pattern", c.cameraId());
    assertEquals("tone:440", c.media().microphone());
    assertEquals("null", c.media().speaker());
    assertEquals(new CameraProperty(1280, 720, 15), c.cameraProperty());
    assertEquals(List.of(50, 400, 400), List.of(c.media().minBitrateKbps(),
        c.media().startBitrateKbps(), c.media().maxBitrateKbps()));
    assertEquals("t", c.token(), "the tweak is applied last");
    assertEquals(p.userId(), c.user());
  }

  @Test
  void peerNamesFallBackToTheUserId() {
    PeerNames names = new PeerNames();
    assertEquals("bob", names.apply("bob"));
    names.onPeersChanged(List.of(new Peer("bob", "Bob", "online"), new Peer("eve", "", "online")));
    assertEquals("Bob", names.apply("bob"));
    assertEquals("eve", names.apply("eve"));
    names.onPresence(new Peer("bob", "Robert", "offline"));
    assertEquals("Robert", names.apply("bob"), "the latest name, kept when offline");
    assertEquals("", names.apply(null));
  }
}
