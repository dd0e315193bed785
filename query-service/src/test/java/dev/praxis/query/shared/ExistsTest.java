package dev.praxis.query.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.praxis.query.ProjectionHarness;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Whether a document exists is one find by key, on the embedded server as on a real one: no count. */
class ExistsTest {

    private static final List<String> commands = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommand().containsKey(event.getCommandName())
                    && event.getCommand().get(event.getCommandName()).isString()
                    && event.getCommand().getString(event.getCommandName()).getValue().equals("things")) {
                commands.add(event.getCommandName());
            }
        }
    });

    @Test
    void aDocumentIsFoundByKeyAndANoteInItToo() {
        MongoTemplate mongo = harness.mongo("exists");
        mongo.insert(new Document("_id", "a").append(AppliedEvents.FIELD, List.of("e1", "e2")), "things");
        commands.clear();

        assertThat(Exists.any(mongo, query(where("_id").is("a")), "things")).isTrue();
        assertThat(Exists.any(mongo, query(where("_id").is("b")), "things")).isFalse();
        assertThat(AppliedEvents.wasApplied(mongo, "things", "a", "e2")).as("outside a batch: checked").isTrue();
        assertThat(AppliedEvents.wasApplied(mongo, "things", "a", "e3")).isFalse();

        assertThat(commands).containsOnly("find").hasSize(4);
    }
}
