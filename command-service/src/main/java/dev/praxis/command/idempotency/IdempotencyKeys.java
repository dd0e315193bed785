package dev.praxis.command.idempotency;

import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.command.eventstore.TouchedAggregates;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the client idempotency key of every command that took effect, with the aggregates it
 * touched. The record is written by a command handler interceptor, inside the transaction that
 * appends the command's events.
 */
@Component
public class IdempotencyKeys implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The metadata entry that carries the client's key. */
    public static final String METADATA_KEY = "idempotencyKey";
    public static final int MAX_LENGTH = 128;

    private final JdbcTemplate jdbc;
    private final TouchedAggregates touchedAggregates;

    /** Axon registers this bean on the command bus as a handler interceptor by its type. */
    public IdempotencyKeys(JdbcTemplate jdbc, TouchedAggregates touchedAggregates) {
        this.jdbc = jdbc;
        this.touchedAggregates = touchedAggregates;
    }

    /** The first result of the key, if a command with it took effect. */
    public Optional<Recorded> find(String key) {
        return jdbc.query("SELECT actor_id, command_name, aggregate_ids FROM command_idempotency WHERE idempotency_key = ?",
                (rs, row) -> new Recorded(rs.getString(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? List.of() : Arrays.asList(rs.getString(3).split(","))),
                key).stream().findFirst();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(METADATA_KEY);
        if (key != null && command.getPayload() instanceof PraxisCommand praxisCommand) {
            // The event bus registered its own prepare-commit step when the handler applied the first
            // event; it runs first, so the command's events have been published and appended by then.
            unitOfWork.onPrepareCommit(uow -> jdbc.update("""
                    INSERT INTO command_idempotency (idempotency_key, actor_id, command_name, aggregate_ids)
                    VALUES (?, ?, ?, ?)""", key.toString(), praxisCommand.actorId(),
                    command.getPayloadType().getSimpleName(),
                    String.join(",", touchedAggregates.peek(command.getIdentifier()))));
        }
        return result;
    }

    /** What a key's command was and which aggregates it wrote to. */
    public record Recorded(String actorId, String commandName, List<String> aggregateIds) {
    }
}
