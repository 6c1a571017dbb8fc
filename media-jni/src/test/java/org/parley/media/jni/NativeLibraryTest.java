package org.parley.media.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {
  @Test
  void loadedCoreSpeaksOurApiVersion() {
    NativeLibrary.load();
    assertEquals(ApiVersion.EXPECTED, ParleyCore.apiVersion());
    assertEquals(ApiVersion.EXPECTED, ParleyCore.headerApiVersion());
  }

  @Test
  void versionsComeFromTheLoadedLibraries() {
    NativeVersions versions = NativeLibrary.versions();
    assertEquals(System.getProperty("parley.expectedVersion"), versions.core());
    assertTrue(versions.vpx().matches("v\\d+\\.\\d+\\.\\d+.*"), versions.vpx());
    assertTrue(versions.opus().matches("libopus \\d+\\.\\d+.*"), versions.opus());
    assertTrue(versions.opencv().matches("4\\.\\d+\\.\\d+.*"), versions.opencv());
  }

  @Test
  void loadingFromManyThreadsAtOnceIsSafe() throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  NativeLibrary.load();
                  new ParleyCore.Vp8Decoder(1).close();
                } catch (Throwable t) {
                  synchronized (failures) {
                    failures.add(t);
                  }
                }
              });
      thread.start();
      threads.add(thread);
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(List.of(), failures);
  }
}
