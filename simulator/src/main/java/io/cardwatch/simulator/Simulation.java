package io.cardwatch.simulator;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends simulated traffic through a sender at a fixed rate (each transaction at its intended start time,
 * so that a slow answer delays nothing that follows) or as fast as a bounded number in flight allows, and
 * writes the label of every accepted transaction.
 */
public final class Simulation {

    private final TrafficModel traffic;
    private final TransactionSender sender;
    private final int concurrency;
    private final Semaphore inFlight;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public Simulation(TrafficModel traffic, TransactionSender sender, int concurrency) {
        this.traffic = traffic;
        this.sender = sender;
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
    }

    /**
     * Sends {@code count} transactions, {@code ratePerSecond} a second (0: as fast as possible), calling
     * {@code progress} about once a second, and returns once every one of them is settled.
     */
    public RunSummary run(long count, double ratePerSecond, SimulationLabels.Writer labels,
                          Consumer<RunSummary> progress)
            throws InterruptedException {
        long started = System.nanoTime();
        long nextReport = started + 1_000_000_000L;
        for (long i = 0; i < count; i++) {
            if (ratePerSecond > 0) {
                awaitIntendedStart(started + (long) (i * 1e9 / ratePerSecond));
            }
            LabelledTransaction next = traffic.next();
            inFlight.acquire();
            sender.send(next.transaction()).whenComplete((delivery, error) -> {
                settle(next, error == null ? delivery : Delivery.FAILED, labels);
                inFlight.release();
            });
            if (System.nanoTime() >= nextReport) {
                progress.accept(summary(i + 1, started));
                nextReport += 1_000_000_000L;
            }
        }
        inFlight.acquire(concurrency);
        inFlight.release(concurrency);
        return summary(count, started);
    }

    private void settle(LabelledTransaction transaction, Delivery delivery, SimulationLabels.Writer labels) {
        switch (delivery) {
            case ACCEPTED -> {
                accepted.incrementAndGet();
                labels.write(transaction);
            }
            case REFUSED -> refused.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
        }
    }

    private RunSummary summary(long sent, long started) {
        return new RunSummary(sent, accepted.get(), refused.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitIntendedStart(long intendedNanos) {
        long wait;
        while ((wait = intendedNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
