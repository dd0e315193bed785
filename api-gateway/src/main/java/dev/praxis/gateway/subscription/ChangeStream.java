package dev.praxis.gateway.subscription;

import dev.praxis.api.query.ChangePage;
import dev.praxis.api.query.ChangeView;
import dev.praxis.gateway.client.DownstreamException;
import dev.praxis.gateway.client.IdleWorkers;
import dev.praxis.gateway.error.ClientErrorException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * A topic of the change feed as a {@link Flux}: long polls of {@code GET /changes}, one after the
 * other, each asking for what follows the last position the previous one scanned. The state of a
 * subscription is that one number, kept here for as long as it runs; nothing is shared between
 * subscriptions or gateway instances, so a client may reconnect to any instance with its cursor.
 *
 * <p>A failure that may pass (the query service unreachable, or not caught up) is retried with
 * back-off from the same position, so it neither loses nor repeats a change. A refusal (the viewer
 * may not read the community any more, the question does not exist) ends the stream with it; so
 * does the expiry of the subscriber's token, checked before every change is delivered.
 */
@Component
class ChangeStream implements DisposableBean {

    private static final Retry TRANSIENT_FAILURES = Retry.backoff(8, Duration.ofMillis(200))
            .maxBackoff(Duration.ofSeconds(5))
            // the count starts again after every page received: a subscription that runs for days survives many short outages
            .transientErrors(true)
            .filter(ChangeStream::mayPass)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure());

    private static final Duration ERROR_AFTER_EVENTS = Duration.ofMillis(500);

    private final ChangeFeedClient feed;
    private final Duration pollWait;
    private final Clock clock;
    /**
     * Long polls block while they wait: they run here, so that they never hold up a WebSocket or request
     * thread, and a poll whose subscription has ended holds up no other ({@link IdleWorkers}).
     */
    private final Scheduler polls;

    ChangeStream(ChangeFeedClient feed, SubscriptionProperties properties) {
        this.feed = feed;
        this.pollWait = properties.pollWait();
        this.clock = Clock.systemUTC();
        this.polls = IdleWorkers.scheduler("change-feed", properties.maxWaitingPolls());
    }

    /** The topic's changes after {@code after} (null: from now on) that the subscriber may see, in order. */
    Flux<ChangeView> follow(String topic, @Nullable Long after, Subscriber subscriber) {
        return Flux.defer(() -> {
            AtomicReference<Long> scanned = new AtomicReference<>(after);
            return Mono.defer(() -> poll(topic, scanned.get(), subscriber))
                    .repeat()
                    .doOnNext(page -> scanned.set(page.scannedTo()))
                    .retryWhen(TRANSIENT_FAILURES)
                    .concatMapIterable(ChangePage::changes)
                    .doOnNext(change -> requireUnexpired(subscriber))
                    // GraphQL executes each event asynchronously (its fields load in batches) and would let the
                    // stream's error overtake the events before it: the error waits for them to be sent
                    .onErrorResume(failure -> Mono.delay(ERROR_AFTER_EVENTS).then(Mono.error(failure)));
        });
    }

    private Mono<ChangePage> poll(String topic, @Nullable Long after, Subscriber subscriber) {
        return Mono.fromCallable(() -> feed.changes(topic, after, subscriber.viewerId(), pollWait)).subscribeOn(polls);
    }

    private void requireUnexpired(Subscriber subscriber) {
        if (subscriber.expiredAt(clock.instant())) {
            throw ClientErrorException.unauthorized("TOKEN_EXPIRED",
                    "Your token has expired: connect again with a fresh one and resume from your last cursor.");
        }
    }

    private static boolean mayPass(Throwable failure) {
        return failure instanceof ResourceAccessException
                || failure instanceof DownstreamException downstream && downstream.status() >= 502 && downstream.status() <= 504;
    }

    @Override
    public void destroy() {
        polls.dispose();
    }
}
