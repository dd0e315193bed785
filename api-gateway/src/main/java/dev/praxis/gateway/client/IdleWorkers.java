package dev.praxis.gateway.client;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Schedulers for work that blocks on the backends' HTTP calls, whose threads take new work only when
 * they are idle. A call over HttpURLConnection cannot be interrupted: when its work is cancelled (an
 * operation's time-out, a subscription that ends), the thread stays blocked until the backend answers
 * or the read time-out passes. Reactor's bounded-elastic schedulers count such a thread as free as
 * soon as the cancellation is signalled and queue new work on it, which then waits behind the read.
 * Here a thread blocked in a cancelled call is simply busy, and new work goes to another.
 */
public final class IdleWorkers {

    private IdleWorkers() {
    }

    /** At most {@code threads} threads named {@code name-N}; work beyond them waits in a queue, threads idle for a minute end. */
    public static Scheduler scheduler(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return Schedulers.fromExecutorService(pool, name);
    }
}
