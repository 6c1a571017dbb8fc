package org.parley.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.parley.media.call.CallMedia;
import org.parley.media.video.RenderMode;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallItemChange;
import org.parley.sdk.call.CallReason;
import org.parley.sdk.call.CallState;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.media.MediaOptions;
import org.parley.signalling.client.ConnectionState;

/**
 * Test-only far end that runs in its own JVM ({@link PeerProcessKillTest}): logs in as {@code
 * args[1]} to the open-mode server at {@code args[0]}, answers every incoming call with video
 * (test-pattern camera, {@code tone:440} microphone, null speaker, loopback media) and prints
 * one line per milestone on stdout: {@code LOGGED_IN}, {@code RINGING <id>}, {@code TALKING
 * <id>}, {@code ENDED <id> <reason>}. It exits when its stdin closes (the parent went away), so
 * it never outlives the test; the test normally kills it with SIGKILL.
 */
public final class PeerProcessMain {
  private PeerProcessMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PeerProcessMain <ws-uri> <user>");
      System.exit(2);
    }
    ParleyConfig config = ParleyConfig.builder(URI.create(args[0]), args[1])
        .media(new MediaOptions().bindAddress("127.0.0.1").microphone("tone:440").speaker("null")
            .bitrateKbps(100, 400, 1000))
        .camera(MediaDevice.TEST_PATTERN)
        .cameraProperty(new CameraProperty(Side.WIDTH, Side.HEIGHT, 15))
        .build();
    ParleyClient client = new ParleyClient(config);
    client.setListener(new ParleyClient.Listener() {
      @Override
      public void onLoginStateChanged(ConnectionState state, String reason) {
        if (state.isLoggedIn()) {
          say("LOGGED_IN");
        }
      }
    });
    client.setCallCallback(new CallCallback() {
      @Override
      public void onCallItemAdd(CallItem item) {
        say("RINGING " + item.id());
        client.calls().startOtherVideo(item, 0, RenderMode.FULL_CONTENT);
        client.calls().setPixelBufferSize(item, CallMedia.View.OTHER, Side.WIDTH, Side.HEIGHT);
        client.calls().answer(item, true);
      }

      @Override
      public void onCallItemUpdate(CallItem item, CallItemChange change) {
        if (change.contains(CallItemChange.Field.STATE) && item.state() == CallState.TALKING) {
          say("TALKING " + item.id());
        }
      }

      @Override
      public void onCallItemRemove(CallItem item, CallReason reason, String description) {
        say("ENDED " + item.id() + " " + reason);
      }
    });
    client.login();
    InputStream in = System.in;
    while (in.read() >= 0) {
      // the parent writes nothing; EOF means it is gone
    }
    client.close();
    System.exit(0);
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
