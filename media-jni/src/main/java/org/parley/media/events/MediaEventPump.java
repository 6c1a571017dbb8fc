package org.parley.media.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.media.jni.NativeLibrary;
import org.parley.media.jni.ParleyCore;

/**
 * The one thread that takes events from the media core and hands each to the listener registered
 * for the native object that raised it. Native threads never call into Java; listeners run on
 * this thread, never on a native thread nor on the Swing thread (a UI hands work over with
 * {@code SwingUtilities.invokeLater}). A listener that throws is logged and does not stop the
 * pump.
 */
public final class MediaEventPump {
  private static final Logger LOG = Logger.getLogger(MediaEventPump.class.getName());
  private static final MediaEventPump INSTANCE = new MediaEventPump();

  private final Map<Long, Consumer<MediaEvent>> listeners = new ConcurrentHashMap<>();
  private Thread thread;

  private MediaEventPump() {}

  /** The process-wide pump. */
  public static MediaEventPump get() {
    return INSTANCE;
  }

  /** Routes events of native object {@code objectId} to {@code listener}; starts the pump. */
  public void register(long objectId, Consumer<MediaEvent> listener) {
    listeners.put(objectId, listener);
    ensureRunning();
  }

  public void unregister(long objectId) {
    listeners.remove(objectId);
  }

  private synchronized void ensureRunning() {
    if (thread != null) {
      return;
    }
    NativeLibrary.load();
    thread = new Thread(this::run, "parley-media-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try (ParleyCore.Event event = new ParleyCore.Event()) {
      while (!Thread.currentThread().isInterrupted()) {
        if (!ParleyCore.waitEvent(event, 500)) {
          continue;
        }
        MediaEvent copy =
            new MediaEvent(
                MediaEvent.Type.of(event.type()),
                event.objectId(),
                event.width(),
                event.height(),
                event.value(),
                event.message());
        Consumer<MediaEvent> listener = listeners.get(copy.objectId());
        if (listener == null) {
          continue;
        }
        try {
          listener.accept(copy);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "media event listener failed on " + copy, e);
        }
      }
    }
  }
}
