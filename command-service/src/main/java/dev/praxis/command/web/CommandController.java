package dev.praxis.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.shared.CommandResult;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.api.shared.Rejection;
import dev.praxis.command.eventstore.EventPositions;
import dev.praxis.command.eventstore.TouchedAggregates;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.praxis.command.idempotency.IdempotencyKeys;
import dev.praxis.command.shared.CorrelationAndCausation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal command API: {@code POST /commands/{CommandName}} with the command's JSON. It answers
 * with the aggregates the command touched and the global position of its last event, which the
 * caller hands to the query side to read its own write.
 */
@RestController
public class CommandController {

    private final CommandRegistry registry;
    private final CommandGateway commandGateway;
    private final TouchedAggregates touchedAggregates;
    private final EventPositions eventPositions;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;
    private final ObjectMapper json = MessageJson.strictMapper();

    public CommandController(CommandRegistry registry, CommandGateway commandGateway,
                             TouchedAggregates touchedAggregates, EventPositions eventPositions,
                             IdempotencyKeys idempotencyKeys, Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.registry = registry;
        this.commandGateway = commandGateway;
        this.touchedAggregates = touchedAggregates;
        this.eventPositions = eventPositions;
        this.clock = clock;
    }

    @GetMapping(path = "/commands", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<String> commandNames() {
        return List.copyOf(registry.names());
    }

    @PostMapping(path = "/commands/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CommandResult handle(@PathVariable String name, @RequestBody byte[] body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        Class<? extends PraxisCommand> type = registry.find(name)
                .orElseThrow(() -> new InvalidCommandException(Rejection.NOT_FOUND,
                        "UNKNOWN_COMMAND", "There is no command named " + name + "."));
        PraxisCommand command = parse(type, body);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyKeys.MAX_LENGTH) {
                throw InvalidCommandException.invalid("INVALID_IDEMPOTENCY_KEY",
                        "An idempotency key has 1 to " + IdempotencyKeys.MAX_LENGTH + " characters.");
            }
            Optional<CommandResult> earlier = earlierResult(idempotencyKey, name, command);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, Object> metaData = new HashMap<>();
        if (idempotencyKey != null) {
            metaData.put(IdempotencyKeys.METADATA_KEY, idempotencyKey);
        }
        if (correlationId != null && !correlationId.isBlank() && correlationId.length() <= 128) {
            metaData.put(CorrelationAndCausation.CORRELATION_ID, correlationId);
        }
        CommandMessage<PraxisCommand> message = GenericCommandMessage.<PraxisCommand>asCommandMessage(command)
                .andMetaData(metaData);
        touchedAggregates.begin(message.getIdentifier());
        List<String> touched;
        try {
            commandGateway.sendAndWait(message);
        } catch (AggregateNotFoundException e) {
            String kind = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
            throw new InvalidCommandException(Rejection.NOT_FOUND, "UNKNOWN_" + kind.toUpperCase(Locale.ROOT),
                    "There is no " + kind + " with id " + e.getAggregateIdentifier() + ".");
        } catch (DuplicateKeyException e) {
            // the same key won a race on another request or instance: answer what it recorded
            if (idempotencyKey != null) {
                Optional<CommandResult> earlier = earlierResult(idempotencyKey, name, command);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            throw e;
        } catch (ConcurrencyException e) {
            throw new InvalidCommandException(Rejection.CONFLICT, "CONCURRENT_MODIFICATION",
                    "Someone else changed the same thing at the same moment; please try again.");
        } catch (AggregateStreamCreationException e) {
            throw new InvalidCommandException(Rejection.CONFLICT, "DUPLICATE_ID",
                    "Something with the id this command names already exists.");
        } finally {
            touched = touchedAggregates.finish(message.getIdentifier());
        }
        return new CommandResult(touched, eventPositions.lastPositionOf(touched));
    }

    /**
     * The first result of an idempotency key: the aggregates its command touched, at their current
     * position (at least the position the first answer named). A key reused for another command or
     * by another member is a conflict.
     */
    private Optional<CommandResult> earlierResult(String key, String name, PraxisCommand command) {
        return idempotencyKeys.find(key).map(recorded -> {
            if (!recorded.commandName().equals(name) || !recorded.actorId().equals(command.actorId())) {
                throw new InvalidCommandException(Rejection.CONFLICT, "IDEMPOTENCY_KEY_REUSED",
                        "This idempotency key was already used for another command.");
            }
            return new CommandResult(recorded.aggregateIds(), eventPositions.lastPositionOf(recorded.aggregateIds()));
        });
    }

    /** Reads the command, filling in the time when the caller left it out (live traffic does). */
    private PraxisCommand parse(Class<? extends PraxisCommand> type, byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw InvalidCommandException.invalid("MALFORMED_JSON", "The request body is not valid JSON.");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw InvalidCommandException.invalid("MALFORMED_JSON", "The request body must be a JSON object.");
        }
        JsonNode actor = object.get("actorId");
        if (actor == null || !actor.isTextual() || actor.asText().isBlank()) {
            throw InvalidCommandException.invalid("MISSING_ACTOR", "The command names no acting member (actorId).");
        }
        JsonNode occurredAt = object.get("occurredAt");
        if (occurredAt == null || occurredAt.isNull()) {
            object.put("occurredAt", clock.instant().toString());
        }
        try {
            return json.treeToValue(object, type);
        } catch (IOException e) {
            throw InvalidCommandException.invalid("INVALID_COMMAND", "The command " + type.getSimpleName()
                    + " could not be read: " + firstLine(e.getMessage()) + " Its fields are "
                    + Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList() + ".");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.endsWith(".") ? line : line + ".";
    }
}
