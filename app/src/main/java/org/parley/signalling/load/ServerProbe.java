package org.parley.signalling.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Set;

/**
 * CPU and heap figures of the process, and CPU of the threads an embedded server started (told
 * apart as the threads that appeared while it started). The heap is the whole JVM's (server and
 * load clients share it when the server is embedded).
 */
final class ServerProbe {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Set<Long> serverThreads;

  private ServerProbe(Set<Long> serverThreads) {
    this.serverThreads = serverThreads;
  }

  /** Ids of the threads alive now. */
  static Set<Long> liveThreads() {
    Set<Long> ids = new HashSet<>();
    for (long id : ManagementFactory.getThreadMXBean().getAllThreadIds()) {
      ids.add(id);
    }
    return ids;
  }

  /** A probe for the threads alive now that were not in {@code before}. */
  static ServerProbe threadsSince(Set<Long> before) {
    Set<Long> now = liveThreads();
    now.removeAll(before);
    return new ServerProbe(now);
  }

  /** A probe without server threads (remote server). */
  static ServerProbe none() {
    return new ServerProbe(Set.of());
  }

  int serverThreadCount() {
    return serverThreads.size();
  }

  /** CPU time used so far by the server's threads that are still alive, in nanoseconds. */
  long serverCpuNanos() {
    long sum = 0;
    for (long id : serverThreads) {
      long t = threads.getThreadCpuTime(id);
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  /** CPU time used so far by the whole process, in nanoseconds (-1 when unknown). */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /** Heap in use now, in bytes. */
  static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
