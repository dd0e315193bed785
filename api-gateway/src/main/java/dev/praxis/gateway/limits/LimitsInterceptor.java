package dev.praxis.gateway.limits;

import dev.praxis.gateway.client.IdleWorkers;
import dev.praxis.gateway.error.PraxisErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.introspection.Introspection;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import jakarta.annotation.PreDestroy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Names the caller of each request (the signed-in member, else the client's address) for the
 * budget, bounds how long a request over HTTP may run, and tells the caller their budget in every
 * response: {@code extensions.rateLimit} and the {@code X-RateLimit-*} headers, as GitHub sends them.
 * It also turns introspection off for the request unless it is allowed (production: off).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class LimitsInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LimitsInterceptor.class);
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Duration timeout;
    private final boolean introspection;
    private final Scheduler workers;

    LimitsInterceptor(LimitsProperties limits) {
        this.timeout = limits.timeout();
        this.introspection = limits.introspection();
        // not Reactor's bounded-elastic pool: a timed-out operation's thread may stay blocked in its backend read
        this.workers = IdleWorkers.scheduler("graphql-operation", limits.workers());
    }

    @PreDestroy
    void stop() {
        workers.dispose();
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        CallerLimits limits = new CallerLimits(caller(request),
                Boolean.TRUE.equals(request.getAttributes().get(CallerLimits.VIA_GET_ATTRIBUTE)));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> {
            limits.putInto(context);
            context.put(Introspection.INTROSPECTION_DISABLED, !introspection);
        }).build());
        if (request instanceof WebSocketGraphQlRequest) {
            // A subscription lives as long as its client wants; the timeout is for requests.
            return chain.next(request).map(answer -> withRateLimit(answer, limits));
        }
        // Controllers that answer synchronously would run on the servlet thread that subscribes, and a
        // timeout cannot interrupt a thread: so the operation runs on a worker, with the request's
        // thread-locals (the security context) carried over, while the servlet thread waits async.
        ContextSnapshot snapshot = SNAPSHOTS.captureAll();
        return Mono.defer(() -> {
                    try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                        return chain.next(request);
                    }
                })
                .subscribeOn(workers)
                .map(answer -> withRateLimit(answer, limits))
                .timeout(timeout, Mono.fromSupplier(() -> timedOut(request, limits)));
    }

    private static String caller(WebGraphQlRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return "member:" + token.getToken().getSubject();
        }
        InetSocketAddress address = request.getRemoteAddress();
        return "address:" + (address == null ? "unknown" : address.getAddress() == null
                ? address.getHostString() : address.getAddress().getHostAddress());
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request, CallerLimits limits) {
        log.warn("Request {} of {} timed out after {}", request.getId(), limits.caller(), timeout);
        ExecutionResult result = ExecutionResultImpl.newExecutionResult()
                .addError(Refusals.error(PraxisErrorType.UNAVAILABLE, "TIMEOUT",
                        "The request took longer than " + timeout.toSeconds() + " s and was stopped; "
                                + "ask for less, or try again shortly."))
                .build();
        return withRateLimit(new WebGraphQlResponse(
                new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)), limits);
    }

    private static WebGraphQlResponse withRateLimit(WebGraphQlResponse response, CallerLimits limits) {
        RateLimit rateLimit = limits.rateLimit().get();
        if (rateLimit == null) {
            return response;
        }
        Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
        extensions.put("rateLimit", rateLimit.toMap());
        WebGraphQlResponse answer = response.transform(builder -> builder.extensions(extensions));
        answer.getResponseHeaders().putAll(response.getResponseHeaders());
        answer.getResponseHeaders().put("X-RateLimit-Limit", List.of(String.valueOf(rateLimit.limit())));
        answer.getResponseHeaders().put("X-RateLimit-Remaining", List.of(String.valueOf(rateLimit.remaining())));
        answer.getResponseHeaders().put("X-RateLimit-Used", List.of(String.valueOf(rateLimit.used())));
        answer.getResponseHeaders().put("X-RateLimit-Reset", List.of(String.valueOf(rateLimit.resetAt().getEpochSecond())));
        answer.getResponseHeaders().put("X-RateLimit-Resource", List.of("graphql"));
        return answer;
    }
}
