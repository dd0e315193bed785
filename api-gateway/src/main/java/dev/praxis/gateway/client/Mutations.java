package dev.praxis.gateway.client;

import dev.praxis.api.shared.CommandResult;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.gateway.error.ClientErrorException;
import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one way mutations send commands. It scopes the client's idempotency key to the signed-in
 * member (two members may pick the same key), names new objects so that a retry names the same
 * ones, tags the command with the request's correlation id, and records the command's position
 * for read-your-writes.
 */
@Component
public class Mutations {

    static final int MAX_KEY_LENGTH = 64;
    private static final String CORRELATION_KEY = Mutations.class.getName() + ".correlationId";

    private final CommandServiceClient commands;

    public Mutations(CommandServiceClient commands) {
        this.commands = commands;
    }

    /** Sends the command and answers the position that the reads of this request must now reflect. */
    public MinPosition send(PraxisCommand command, MutationInput input, Actor actor, GraphQLContext context) {
        String key = checkedKey(input);
        CommandResult result = commands.send(command, key == null ? null : actor.id() + "/" + key,
                correlationId(context));
        return MinPosition.raise(context, result.position());
    }

    /**
     * The id of a new object this mutation creates: derived from the idempotency key when there is
     * one, so that a retry names the object the first attempt created; random otherwise.
     */
    public String newId(String purpose, MutationInput input, Actor actor) {
        String key = checkedKey(input);
        if (key == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((actor.id() + "\n" + key + "\n" + purpose).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String checkedKey(MutationInput input) {
        String key = input.idempotencyKey();
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ClientErrorException.badRequest("INVALID_IDEMPOTENCY_KEY",
                    "An idempotency key has 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        return key;
    }

    /** One correlation id per GraphQL request, shared by every command it sends. */
    private static String correlationId(GraphQLContext context) {
        return context.computeIfAbsent(CORRELATION_KEY, k -> UUID.randomUUID().toString());
    }
}
