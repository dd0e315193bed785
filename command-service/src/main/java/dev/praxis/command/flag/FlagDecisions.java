package dev.praxis.command.flag;

import dev.praxis.api.flag.FlagReviewed;
import dev.praxis.api.question.DeletePost;
import dev.praxis.api.question.LockQuestion;
import dev.praxis.api.shared.PraxisCommand;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Carries out a moderator's review: DELETE deletes the flagged post, LOCK locks its question, each
 * with the reviewer as actor. The command is sent once the review is committed, on a thread of its
 * own, so that a refusal (the post was deleted meanwhile) never undoes the review, which stays
 * recorded as an event either way.
 */
@Component
class FlagDecisions implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlagDecisions.class);

    private final CommandGateway commands;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flag-decisions");
        thread.setDaemon(true);
        return thread;
    });

    FlagDecisions(CommandGateway commands) {
        this.commands = commands;
    }

    /** The command that carries out the review, if its decision needs one. */
    static Optional<PraxisCommand> commandFor(FlagReviewed review) {
        String reason = review.note() == null ? "Flagged and reviewed by a moderator." : review.note();
        return switch (review.decision()) {
            case DISMISS -> Optional.empty();
            case DELETE -> Optional.of(new DeletePost(review.questionId(), review.postId(), reason,
                    review.actorId(), review.occurredAt()));
            case LOCK -> Optional.of(new LockQuestion(review.questionId(), reason, review.actorId(), review.occurredAt()));
        };
    }

    @EventHandler
    void on(FlagReviewed review) {
        commandFor(review).ifPresent(command -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> executor.execute(() -> send(command)));
            } else {
                executor.execute(() -> send(command));
            }
        });
    }

    private void send(PraxisCommand command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            log.warn("The review's {} was not carried out: {}", command.getClass().getSimpleName(), e.getMessage());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
