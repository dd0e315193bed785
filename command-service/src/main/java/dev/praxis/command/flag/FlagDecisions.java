package dev.praxis.command.flag;

import dev.praxis.api.flag.FlagDecision;
import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.question.DeleteComment;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.command.shared.CommandRejectedException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries out a moderator's review: DELETE deletes the flagged post, LOCK locks its question, each
 * with the reviewer as actor. The follow-up is written to {@code flag_followup} in the review's
 * transaction and sent once the review is committed, on a thread of its own, so that the review
 * stands whatever the follow-up answers. Accepted or refused (the post was deleted meanwhile), it is
 * done; when it cannot be handled (no handler yet, a failure) it stays and is retried every
 * {@code praxis.flag.followup-interval} (30 s by default), also after a restart.
 */
@Component
class FlagDecisions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FlagDecisions.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Object draining = new Object();
    private volatile ScheduledExecutorService executor;

    FlagDecisions(CommandGateway commands, JdbcTemplate jdbc,
                  @Value("${praxis.flag.followup-interval:30s}") Duration interval) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.interval = interval;
    }

    /** The command that carries out the review, if its decision needs one. */
    static Optional<PraxisCommand> commandFor(FlagReviewed review) {
        String reason = review.note() == null ? "Flagged and reviewed by a moderator." : review.note();
        return Optional.ofNullable(command(review.decision(), review.postKind(), review.questionId(), review.postId(),
                reason, review.actorId(), review.occurredAt()));
    }

    /** DELETE removes the flagged post (a comment by its own command); LOCK locks the post's question. */
    private static PraxisCommand command(FlagDecision decision, PostKind kind, String questionId, String postId,
                                         String reason, String actorId, java.time.Instant occurredAt) {
        return switch (decision) {
            case DISMISS -> null;
            case DELETE -> kind == PostKind.COMMENT
                    ? new DeleteComment(questionId, postId, actorId, occurredAt)
                    : new DeletePost(questionId, postId, reason, actorId, occurredAt);
            case LOCK -> new LockQuestion(questionId, reason, actorId, occurredAt);
        };
    }

    @EventHandler
    void on(FlagReviewed review, EventMessage<?> message) {
        if (review.decision() == FlagDecision.DISMISS) {
            return;
        }
        jdbc.update("""
                INSERT INTO flag_followup (review_id, decision, post_kind, question_id, post_id, reason, actor_id, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                message.getIdentifier(), review.decision().name(), review.postKind().name(), review.questionId(), review.postId(),
                review.note() == null ? "Flagged and reviewed by a moderator." : review.note(), review.actorId(),
                Timestamp.from(review.occurredAt()));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> drainSoon());
        }
    }

    private void drainSoon() {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.execute(this::tick);
        }
    }

    /** Sends every pending follow-up; answers how many are done. */
    int drain() {
        synchronized (draining) {
            return drainPending();
        }
    }

    private int drainPending() {
        record Pending(String reviewId, PraxisCommand command) {
        }
        List<Pending> pending = jdbc.query(
                "SELECT * FROM flag_followup ORDER BY occurred_at, review_id",
                (rs, row) -> new Pending(rs.getString("review_id"), command(FlagDecision.valueOf(rs.getString("decision")),
                        PostKind.valueOf(rs.getString("post_kind")), rs.getString("question_id"), rs.getString("post_id"), rs.getString("reason"),
                        rs.getString("actor_id"), rs.getTimestamp("occurred_at").toInstant())));
        int done = 0;
        for (Pending followUp : pending) {
            try {
                commands.sendAndWait(followUp.command());
                finished(followUp.reviewId());
                done++;
            } catch (CommandRejectedException refused) {
                log.info("A review's {} was refused: {}", followUp.command().getClass().getSimpleName(), refused.getMessage());
                finished(followUp.reviewId());
                done++;
            } catch (RuntimeException e) {
                log.warn("A review's {} could not be carried out yet, will retry: {}",
                        followUp.command().getClass().getSimpleName(), e.getMessage());
            }
        }
        return done;
    }

    private void finished(String reviewId) {
        jdbc.update("DELETE FROM flag_followup WHERE review_id = ?", reviewId);
    }

    private void tick() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Carrying out reviews failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flag-decisions");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Starts last and stops first, like the bounty scheduler. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
