package dev.sextant.collector.embedded;

import java.time.Duration;
import java.util.Iterator;

/**
 * When the embedded collector's writer commits, and what: the pure half of {@link GroupCommitter}.
 * Requests' records wait in one queue; the writer takes the waiting requests whole, oldest first,
 * into one transaction. Plain values in, a decision out: no clock, no threads.
 *
 * @param maxGroupRecords the most records one transaction takes (a single larger request is still
 *     taken, alone: a request is never split)
 * @param maxDelay how long the oldest waiting request may wait for others to join its transaction;
 *     zero commits whatever waits as soon as the writer is free
 * @param queueCapacity the most records waiting at once; a request that would pass it is refused,
 *     unless the queue is empty (so every request that the collector's limits allow can be stored)
 */
public record GroupCommitPolicy(int maxGroupRecords, Duration maxDelay, int queueCapacity) {

  public GroupCommitPolicy {
    if (maxGroupRecords < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("maxGroupRecords and queueCapacity must be at least 1");
    }
    if (maxDelay.isNegative()) {
      throw new IllegalArgumentException("maxDelay must not be negative");
    }
  }

  /** Whether a request of {@code records} may join a queue that holds {@code queuedRecords}. */
  public boolean admits(int queuedRecords, int records) {
    return queuedRecords == 0 || (long) queuedRecords + records <= queueCapacity;
  }

  /**
   * How many nanoseconds the writer waits before it takes a group: 0 once the queue holds a full
   * group or its oldest request has waited {@link #maxDelay}.
   *
   * @param queuedRecords the records waiting, at least one request's
   * @param oldestWaitedNanos how long the oldest waiting request has waited
   */
  public long nanosToWait(int queuedRecords, long oldestWaitedNanos) {
    if (queuedRecords >= maxGroupRecords) {
      return 0;
    }
    return Math.max(0, maxDelay.toNanos() - oldestWaitedNanos);
  }

  /**
   * How many of the waiting requests, oldest first, the next group takes: as many whole requests as
   * fit in {@link #maxGroupRecords}, and at least the first.
   *
   * @param waitingSizes the records of each waiting request, oldest first, not empty
   */
  public int groupLength(Iterable<Integer> waitingSizes) {
    Iterator<Integer> sizes = waitingSizes.iterator();
    if (!sizes.hasNext()) {
      throw new IllegalArgumentException("no request is waiting");
    }
    long records = sizes.next();
    int length = 1;
    while (sizes.hasNext()) {
      records += sizes.next();
      if (records > maxGroupRecords) {
        break;
      }
      length++;
    }
    return length;
  }
}
