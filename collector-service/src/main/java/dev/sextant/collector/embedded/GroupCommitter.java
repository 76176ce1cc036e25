package dev.sextant.collector.embedded;

import dev.sextant.collector.ingest.EventDeliveryException;
import dev.sextant.store.EventStore;
import dev.sextant.store.PropertyTypes;
import dev.sextant.store.WriteBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded store: concurrent requests' records wait in one bounded queue, and
 * one writer thread stores everything waiting in one transaction ({@link EventStore#write}), as
 * {@link GroupCommitPolicy} decides. A request returns from {@link #commit} only after the
 * transaction holding its records committed; if that transaction fails, every request in it gets an
 * {@link EventDeliveryException} (503, the client keeps its records and resends), and none of their
 * records was stored. DuckDB allows one writer anyway; this way a commit (and its write to the
 * write-ahead log) is paid per group, not per request.
 *
 * <p>A queue and a thread under one lock, written here rather than taken from a library: the JDK's
 * blocking queues bound by element count, not by records, and a library ring buffer (LMAX
 * Disruptor) would add a dependency for some forty lines.
 *
 * <p>{@link #close} stops taking requests and returns once everything already queued is committed
 * (or failed), so a clean shutdown answers every request it accepted.
 *
 * <p>Meters: {@code sextant.collector.embedded.group.records} and {@code .group.requests} (per
 * transaction), {@code sextant.collector.embedded.commit} (a transaction's time, tag {@code
 * result}), {@code sextant.collector.embedded.queued.records} and {@code
 * sextant.collector.embedded.refused} (requests refused because the queue was full or closed).
 */
public final class GroupCommitter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

  private final EventStore store;
  private final PropertyTypes types;
  private final GroupCommitPolicy policy;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition queued = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private int queuedRecords;
  private boolean closed;

  private final Thread writer;

  private final DistributionSummary groupRecords;
  private final DistributionSummary groupRequests;
  private final Timer committed;
  private final Timer failed;
  private final Counter refused;

  /** One request's records and the answer it waits for. */
  private record Pending(WriteBatch batch, long enqueuedNanos, CompletableFuture<Void> done) {}

  public GroupCommitter(
      EventStore store, PropertyTypes types, GroupCommitPolicy policy, MeterRegistry registry) {
    this.store = store;
    this.types = types;
    this.policy = policy;
    this.groupRecords =
        DistributionSummary.builder("sextant.collector.embedded.group.records")
            .description("Records stored by one transaction of the embedded group commit")
            .publishPercentileHistogram()
            .register(registry);
    this.groupRequests =
        DistributionSummary.builder("sextant.collector.embedded.group.requests")
            .description("Requests answered by one transaction of the embedded group commit")
            .publishPercentileHistogram()
            .register(registry);
    this.committed = commitTimer(registry, "ok");
    this.failed = commitTimer(registry, "error");
    this.refused =
        Counter.builder("sextant.collector.embedded.refused")
            .description("Requests refused with 503 because the write queue was full or closed")
            .register(registry);
    Gauge.builder("sextant.collector.embedded.queued.records", this, GroupCommitter::queuedRecords)
        .description("Records waiting for the embedded group commit")
        .register(registry);
    // A platform thread: it holds DuckDB's one writer connection for the process's life.
    this.writer = Thread.ofPlatform().name("sextant-group-commit").daemon().start(this::run);
  }

  private static Timer commitTimer(MeterRegistry registry, String result) {
    return Timer.builder("sextant.collector.embedded.commit")
        .description("Time to store one group of requests in one transaction")
        .tag("result", result)
        .publishPercentileHistogram()
        .register(registry);
  }

  /**
   * Stores the batch with the others waiting and returns once its transaction committed.
   *
   * @throws EventDeliveryException if the queue is full or closed, or the transaction failed:
   *     nothing of the batch was stored
   */
  public void commit(WriteBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    Pending pending = new Pending(batch, System.nanoTime(), new CompletableFuture<>());
    enqueue(pending);
    try {
      // No time-out: the writer answers every request it took, and a time-out could not take
      // back records already on their way into the store.
      pending.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventDeliveryException("interrupted while waiting for the event store", e);
    } catch (ExecutionException e) {
      throw new EventDeliveryException(
          "the event store did not store the events: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void enqueue(Pending pending) {
    int records = pending.batch().size();
    lock.lock();
    try {
      if (closed) {
        refused.increment();
        throw new EventDeliveryException("the server is shutting down");
      }
      if (!policy.admits(queuedRecords, records)) {
        refused.increment();
        throw new EventDeliveryException(
            "the event store's write queue is full (" + queuedRecords + " records waiting)");
      }
      queue.addLast(pending);
      queuedRecords += records;
      queued.signal();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    try {
      List<Pending> group;
      while ((group = nextGroup()) != null) {
        store(group);
      }
    } catch (InterruptedException e) {
      // Nobody interrupts the writer but the JVM going down: answer what waits, then stop.
      failQueued(new EventDeliveryException("the event store's writer was interrupted", e));
    }
  }

  /**
   * Waits for a group as the policy says and takes it off the queue; null once closed and empty.
   */
  private List<Pending> nextGroup() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closed) {
          return null;
        }
        queued.await();
      }
      long wait;
      while (!closed
          && (wait = policy.nanosToWait(queuedRecords, System.nanoTime() - oldestEnqueued())) > 0) {
        queued.awaitNanos(wait);
      }
      int length = policy.groupLength(() -> queue.stream().map(p -> p.batch().size()).iterator());
      List<Pending> group = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        Pending pending = queue.removeFirst();
        queuedRecords -= pending.batch().size();
        group.add(pending);
      }
      return group;
    } finally {
      lock.unlock();
    }
  }

  private long oldestEnqueued() {
    return queue.getFirst().enqueuedNanos();
  }

  private void store(List<Pending> group) {
    List<WriteBatch> batches = new ArrayList<>(group.size());
    group.forEach(pending -> batches.add(pending.batch()));
    WriteBatch merged = WriteBatch.concat(batches);
    long start = System.nanoTime();
    try {
      store.write(merged, types);
    } catch (RuntimeException | Error e) {
      failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      LOG.warn(
          "A group of {} requests ({} records) was not stored; each gets 503: {}",
          group.size(),
          merged.size(),
          e.toString());
      group.forEach(pending -> pending.done().completeExceptionally(e));
      return;
    }
    committed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    groupRecords.record(merged.size());
    groupRequests.record(group.size());
    group.forEach(pending -> pending.done().complete(null));
  }

  private void failQueued(RuntimeException failure) {
    lock.lock();
    try {
      closed = true;
      queue.forEach(pending -> pending.done().completeExceptionally(failure));
      queue.clear();
      queuedRecords = 0;
    } finally {
      lock.unlock();
    }
  }

  private double queuedRecords() {
    lock.lock();
    try {
      return queuedRecords;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses new requests, commits those already queued, and returns when the writer stopped. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      queued.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
