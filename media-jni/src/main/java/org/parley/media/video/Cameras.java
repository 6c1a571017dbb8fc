package org.parley.media.video;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.jni.ParleyCore;

/** Lists the cameras present now. */
public final class Cameras {
  private Cameras() {}

  /** The cameras present at this moment (empty when there are none). Any thread. */
  public static List<CameraDevice> list() {
    List<CameraDevice> cameras = new ArrayList<>();
    try (ParleyCore.CameraList list = new ParleyCore.CameraList()) {
      for (int i = 0; i < list.size(); i++) {
        cameras.add(new CameraDevice(list.id(i), list.name(i), list.path(i)));
      }
    }
    return List.copyOf(cameras);
  }
}
