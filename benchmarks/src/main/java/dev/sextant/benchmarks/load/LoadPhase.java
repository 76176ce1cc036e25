package dev.sextant.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Runs one sender function from many virtual threads for a while and measures it: either as fast as
 * each thread can go (closed loop, to find the maximum), or at a target rate (open loop: each send
 * has a scheduled time, and its latency counts from that time, so a slow answer that delays the
 * next sends is charged to them too, with no coordinated omission).
 */
final class LoadPhase {

  /** Sends one batch and returns once it is acknowledged; false if it was refused. */
  @FunctionalInterface
  interface Sender {
    boolean send() throws Exception;
  }

  /**
   * What a phase measured.
   *
   * @param batches acknowledged batches
   * @param failures batches refused or failed
   * @param seconds the measured time
   * @param latency acknowledgement latency in microseconds
   */
  record Result(long batches, long failures, double seconds, Histogram latency) {

    double batchesPerSecond() {
      return batches / seconds;
    }

    double percentileMillis(double percentile) {
      return latency.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private LoadPhase() {}

  /** As fast as {@code clients} threads go, for {@code duration}. */
  static Result closedLoop(int clients, Duration duration, Sender sender)
      throws InterruptedException {
    return run(clients, duration, 0, sender);
  }

  /** {@code batchesPerSecond} in total, spread over {@code clients} threads. */
  static Result openLoop(int clients, Duration duration, double batchesPerSecond, Sender sender)
      throws InterruptedException {
    return run(clients, duration, batchesPerSecond, sender);
  }

  private static Result run(int clients, Duration duration, double rate, Sender sender)
      throws InterruptedException {
    Histogram latency = new ConcurrentHistogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
    AtomicLong batches = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int client = 0; client < clients; client++) {
      int index = client;
      threads.add(
          Thread.ofVirtual()
              .name("load-" + client)
              .start(() -> {
                // Open loop: client i sends at start + (i + k * clients) / rate.
                double interval = rate > 0 ? 1e9 * clients / rate : 0;
                long scheduled = start + (long) (rate > 0 ? 1e9 * index / rate : 0);
                while (true) {
                  if (rate > 0) {
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                  } else {
                    scheduled = System.nanoTime();
                  }
                  if (scheduled >= end) {
                    return;
                  }
                  boolean ok;
                  try {
                    ok = sender.send();
                  } catch (Exception e) {
                    ok = false;
                  }
                  long done = System.nanoTime();
                  if (ok) {
                    batches.incrementAndGet();
                    latency.recordValue(Math.max(1, (done - scheduled) / 1000));
                  } else {
                    failures.incrementAndGet();
                  }
                  scheduled += (long) interval;
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(batches.get(), failures.get(), seconds, latency);
  }
}
