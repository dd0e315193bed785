package dev.praxis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code clients} threads (Java 17: no virtual threads), each sending its next
 * request as soon as the last one answered. The calls that complete within the measured window
 * (after {@code warmup}) count, with their whole latency.
 */
final class Load {

    /** One client's step; {@code client} is 0..clients-1, {@code n} counts that client's calls. */
    @FunctionalInterface
    interface Step {
        void run(int client, long n) throws Exception;
    }

    /** What a run measured. Latencies in milliseconds. */
    record Result(long operations, double seconds, double perSecond, double p50, double p99, long errors,
                  String firstError) {

        static Result of(Histogram histogram, double seconds, long errors, String firstError) {
            long ops = histogram.getTotalCount();
            return new Result(ops, seconds, seconds > 0 ? ops / seconds : 0,
                    histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6, errors, firstError);
        }
    }

    /** Told when the measured window opens and when it closes (to take other figures over the same window). */
    interface Window {
        void opened();

        void closed();

        Window NONE = new Window() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };
    }

    private Load() {
    }

    static Histogram histogram() {
        // 1 microsecond .. 1 minute, 3 significant digits, in nanoseconds
        return new Histogram(1_000, 60_000_000_000L, 3);
    }

    static Result closed(int clients, long warmupMillis, long durationMillis, Step step) throws InterruptedException {
        return closed(clients, warmupMillis, durationMillis, step, Window.NONE);
    }

    static Result closed(int clients, long warmupMillis, long durationMillis, Step step, Window window)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long end = measureFrom + durationMillis * 1_000_000;
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Histogram histogram = histogram();
            histograms.add(histogram);
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    long n = 0;
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        try {
                            step.run(client, n++);
                            long t1 = System.nanoTime();
                            // every call that completes within the measured window counts, however long it took
                            if (t1 >= measureFrom && t1 <= end) {
                                histogram.recordValue(Math.min(t1 - t0, histogram.getHighestTrackableValue()));
                            }
                        } catch (Exception e) {
                            long t1 = System.nanoTime();
                            if (t1 >= measureFrom && t1 <= end) {
                                errors.incrementAndGet();
                            }
                            firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        window.opened();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        window.closed();
        done.await();
        Histogram all = histogram();
        histograms.forEach(all::add);
        return Result.of(all, durationMillis / 1000.0, errors.get(), firstError.get());
    }
}
