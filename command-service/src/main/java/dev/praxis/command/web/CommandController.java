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
import java.util.Locale;
import org.axonframework.commandhandling.GenericCommandMessage;
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
    private final Clock clock;
    private final ObjectMapper json = MessageJson.strictMapper();

    public CommandController(CommandRegistry registry, CommandGateway commandGateway,
                             TouchedAggregates touchedAggregates, EventPositions eventPositions, Clock clock) {
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
    public CommandResult handle(@PathVariable String name, @RequestBody byte[] body) {
        Class<? extends PraxisCommand> type = registry.find(name)
                .orElseThrow(() -> new InvalidCommandException(Rejection.NOT_FOUND,
                        "UNKNOWN_COMMAND", "There is no command named " + name + "."));
        PraxisCommand command = parse(type, body);
        var message = GenericCommandMessage.asCommandMessage(command);
        touchedAggregates.begin(message.getIdentifier());
        List<String> touched;
        try {
            commandGateway.sendAndWait(message);
        } catch (AggregateNotFoundException e) {
            String kind = type.getPackageName().substring(type.getPackageName().lastIndexOf('.') + 1);
            throw new InvalidCommandException(Rejection.NOT_FOUND, "UNKNOWN_" + kind.toUpperCase(Locale.ROOT),
                    "There is no " + kind + " with id " + e.getAggregateIdentifier() + ".");
        } catch (AggregateStreamCreationException e) {
            throw new InvalidCommandException(Rejection.CONFLICT, "DUPLICATE_ID",
                    "Something with the id this command names already exists.");
        } finally {
            touched = touchedAggregates.finish(message.getIdentifier());
        }
        return new CommandResult(touched, eventPositions.lastPositionOf(touched));
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
