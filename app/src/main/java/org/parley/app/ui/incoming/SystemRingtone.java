package org.parley.app.ui.incoming;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * Plays {@link RingPattern} on a daemon thread ({@code parley-ringtone}) through an {@link
 * Output}. The thread opens the device (which may block, so never on the event thread), writes
 * 50 ms chunks and checks between them whether to stop; {@link #stop()} also halts the line so a
 * blocked write returns, and the thread closes the line and ends. With no audio device the
 * thread ends at once and the ringtone is silent (logged once at DEBUG per process).
 */
final class SystemRingtone implements Ringtone {
  private static final System.Logger LOG = System.getLogger(SystemRingtone.class.getName());
  private static final AtomicBoolean NO_DEVICE_LOGGED = new AtomicBoolean();
  static final String THREAD_NAME = "parley-ringtone";
  private static final int CHUNK_BYTES = (int) (RingPattern.SAMPLE_RATE / 20) * 2;

  /** Where the PCM goes: one small seam so tests can run without a sound card. */
  interface Output {
    /** Opens and starts a sink for {@code format}; throws when there is no device. */
    Sink open(AudioFormat format) throws LineUnavailableException;
  }

  /** An open, started audio sink. */
  interface Sink {
    /** Writes {@code pcm}, blocking while the device's buffer is full. */
    void write(byte[] pcm);

    /** Stops playing and discards what is queued, so a blocked {@link #write} returns; any thread. */
    void halt();

    /** Releases the device; called once, on the playing thread. */
    void close();
  }

  /** The real speaker: the default mixer's {@link SourceDataLine} with a 200 ms buffer. */
  static final Output JAVA_SOUND = format -> {
    SourceDataLine line;
    try {
      line = AudioSystem.getSourceDataLine(format);
    } catch (IllegalArgumentException | SecurityException e) {
      throw (LineUnavailableException) new LineUnavailableException(e.getMessage()).initCause(e);
    }
    line.open(format, CHUNK_BYTES * 4);
    line.start();
    return new Sink() {
      @Override
      public void write(byte[] pcm) {
        line.write(pcm, 0, pcm.length);
      }

      @Override
      public void halt() {
        line.stop();
        line.flush();
      }

      @Override
      public void close() {
        line.close();
      }
    };
  };

  private final Output output;
  private Playback current;
  private Thread lastThread;

  SystemRingtone(Output output) {
    this.output = output;
  }

  @Override
  public synchronized void start() {
    if (current != null && !current.stopped) {
      return;
    }
    current = new Playback();
    Thread t = new Thread(current, THREAD_NAME);
    t.setDaemon(true);
    lastThread = t;
    t.start();
  }

  @Override
  public void stop() {
    Playback p;
    synchronized (this) {
      p = current;
      current = null;
    }
    if (p != null) {
      p.stop();
    }
  }

  /** Waits up to {@code timeoutMs} for the last playing thread to end (tests); true when none runs. */
  boolean awaitIdle(long timeoutMs) throws InterruptedException {
    Thread t;
    synchronized (this) {
      t = lastThread;
    }
    if (t == null) {
      return true;
    }
    t.join(timeoutMs);
    return !t.isAlive();
  }

  /** One ringing session: its own flag and sink, so a restart never revives a stopped one. */
  private final class Playback implements Runnable {
    volatile boolean stopped;
    volatile Sink sink;

    void stop() {
      stopped = true;
      Sink s = sink;
      if (s != null) {
        try {
          s.halt();
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.DEBUG, "Ringtone halt failed", e);
        }
      }
    }

    @Override
    public void run() {
      Sink s;
      try {
        s = output.open(RingPattern.format());
      } catch (LineUnavailableException | RuntimeException e) {
        System.Logger.Level level = NO_DEVICE_LOGGED.compareAndSet(false, true)
            ? System.Logger.Level.DEBUG : System.Logger.Level.TRACE;
        LOG.log(level, "No audio device for the ringtone; ringing silently: " + e.getMessage());
        stopped = true;
        return;
      }
      sink = s;
      try {
        RingPattern pattern = new RingPattern();
        byte[] chunk = new byte[CHUNK_BYTES];
        while (!stopped) {
          pattern.fill(chunk);
          s.write(chunk);
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "Ringtone playback ended: " + e.getMessage());
      } finally {
        s.close();
      }
    }
  }
}
