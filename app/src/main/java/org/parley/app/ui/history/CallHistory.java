package org.parley.app.ui.history;

import java.awt.EventQueue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.sdk.call.CallCallback;
import org.parley.sdk.call.CallItem;
import org.parley.sdk.call.CallReason;

/**
 * The call history: every call that ended ({@link #onCallItemRemove}) and every missed call
 * ({@link #onMissedCallItem}, also those the server stored while we were offline), one entry per
 * call id, newest first, at most {@value #MAX_ENTRIES}. Subscribe it to {@code UiEvents}.
 *
 * <p>The entries live in a JSON file ({@link HistoryJson}) that is read once at start and
 * rewritten atomically after each change, both on a background writer (never on the Swing
 * thread). A file that cannot be read gives an empty history; it is moved aside to {@code
 * <name>.bad} and the problem is logged. Thread-safe; listeners run on the Swing event thread.
 * Call {@link #close()} at exit so the last change reaches the disk.
 */
public final class CallHistory implements CallCallback, AutoCloseable {
  /** The most entries kept; older ones are dropped. */
  public static final int MAX_ENTRIES = 500;
  private static final System.Logger LOG = System.getLogger(CallHistory.class.getName());
  private static final Comparator<CallRecordEntry> NEWEST_FIRST =
      Comparator.comparing(CallRecordEntry::beginTime).reversed();

  private final Path file;
  private final Clock clock;
  private final Executor io;
  private final ExecutorService ownedIo;
  private final Object lock = new Object();
  private final List<CallRecordEntry> entries = new ArrayList<>();
  private final Set<String> unseenMissed = new LinkedHashSet<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean saveQueued = new AtomicBoolean();

  /** A history kept in {@code file} (usually {@code <preferences dir>/history.json}). */
  public CallHistory(Path file, Clock clock) {
    this(file, clock, null);
  }

  /**
   * A history whose file is read and written on {@code io}, which must run tasks one at a time in
   * order (a single-thread executor); null: a daemon thread of its own.
   */
  public CallHistory(Path file, Clock clock, Executor io) {
    this.file = Objects.requireNonNull(file, "file");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (io == null) {
      ownedIo = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-history");
        t.setDaemon(true);
        return t;
      });
      this.io = ownedIo;
    } else {
      ownedIo = null;
      this.io = io;
    }
    this.io.execute(this::load);
  }

  /** The clock the history stamps and groups by. */
  public Clock clock() {
    return clock;
  }

  /** The entries, newest first (a copy). */
  public List<CallRecordEntry> entries() {
    synchronized (lock) {
      return List.copyOf(entries);
    }
  }

  /** {@code changed} runs on the Swing event thread after every change (and after loading). */
  public void addListener(Runnable changed) {
    listeners.add(Objects.requireNonNull(changed));
  }

  public void removeListener(Runnable changed) {
    listeners.remove(changed);
  }

  /** How many missed calls arrived since {@link #markSeen()} (kept across restarts). */
  public int unseenMissed() {
    synchronized (lock) {
      return unseenMissed.size();
    }
  }

  /** The user has looked at the missed calls. */
  public void markSeen() {
    synchronized (lock) {
      if (unseenMissed.isEmpty()) {
        return;
      }
      unseenMissed.clear();
    }
    changed();
  }

  /** Forgets every entry. */
  public void clear() {
    synchronized (lock) {
      entries.clear();
      unseenMissed.clear();
    }
    changed();
  }

  @Override
  public void onCallItemRemove(CallItem item, CallReason reason, String description) {
    record(CallRecordEntry.of(item, reason, description, clock.instant()), true);
  }

  @Override
  public void onMissedCallItem(CallItem item) {
    record(CallRecordEntry.of(item, item.reason(), item.description(), clock.instant()), false);
  }

  /** Adds {@code e}; an entry with the same call id is replaced when {@code replace}, else kept. */
  private void record(CallRecordEntry e, boolean replace) {
    synchronized (lock) {
      int at = indexOf(e.callId());
      if (at >= 0) {
        if (!replace) {
          return;
        }
        entries.remove(at);
      } else if (e.missed()) {
        unseenMissed.add(e.callId());
      }
      insert(e);
    }
    changed();
  }

  private int indexOf(String callId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).callId().equals(callId)) {
        return i;
      }
    }
    return -1;
  }

  /** Inserts keeping newest-first order, then drops what is past the cap (under the lock). */
  private void insert(CallRecordEntry e) {
    int at = 0;
    while (at < entries.size() && NEWEST_FIRST.compare(entries.get(at), e) <= 0) {
      at++;
    }
    entries.add(at, e);
    while (entries.size() > MAX_ENTRIES) {
      unseenMissed.remove(entries.remove(entries.size() - 1).callId());
    }
  }

  private void changed() {
    if (saveQueued.compareAndSet(false, true)) {
      io.execute(this::save);
    }
    Runnable notify = () -> listeners.forEach(Runnable::run);
    if (EventQueue.isDispatchThread()) {
      notify.run();
    } else {
      EventQueue.invokeLater(notify);
    }
  }

  /** On the writer: reads the file and merges it under whatever was recorded meanwhile. */
  private void load() {
    HistoryJson.Contents contents;
    try {
      contents = HistoryJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return;
    } catch (IOException | HistoryJson.HistoryFormatException e) {
      setAside(e);
      return;
    }
    synchronized (lock) {
      for (CallRecordEntry e : contents.entries()) {
        if (indexOf(e.callId()) < 0) {
          insert(e);
        }
      }
      for (String id : contents.unseenMissed()) {
        if (indexOf(id) >= 0) {
          unseenMissed.add(id);
        }
      }
    }
    Runnable notify = () -> listeners.forEach(Runnable::run);
    EventQueue.invokeLater(notify);
  }

  private void setAside(Exception problem) {
    Path bad = file.resolveSibling(file.getFileName() + ".bad");
    LOG.log(System.Logger.Level.WARNING, "call history " + file + " could not be read ("
        + problem.getMessage() + "); starting empty, the old file is kept as " + bad);
    try {
      Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not move " + file + " aside: " + e.getMessage());
    }
  }

  /** On the writer: writes the current entries to a temporary file and moves it in place. */
  private void save() {
    saveQueued.set(false);
    String json;
    synchronized (lock) {
      json = HistoryJson.write(entries, unseenMissed);
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not save the call history to " + file + ": " + e.getMessage());
    }
  }

  /**
   * Waits (up to 30 s) until the file has been read and every change so far written. Not on the
   * Swing thread in production code; meant for exit and tests.
   */
  public void flush() {
    try {
      CompletableFuture.runAsync(() -> { }, io).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(System.Logger.Level.WARNING, "call history writer did not finish: " + e);
    }
  }

  /** Writes what is pending and stops the writer thread it owns. Idempotent. */
  @Override
  public void close() {
    if (ownedIo != null && ownedIo.isShutdown()) {
      return;
    }
    flush();
    if (ownedIo != null) {
      ownedIo.shutdown();
    }
  }
}
