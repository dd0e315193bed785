package dev.praxis.query.pointintime;

import com.mongodb.client.MongoClient;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds read models as they stood at a position by running the projections' own code: the
 * events up to the position go through the projection's handlers, by Axon's own dispatch and with
 * their global positions (as a tracking processor delivers them), into a scratch database on the
 * read-model server; a read on that database answers, and the database is dropped. For the read
 * models whose rules are too many to fold by hand (the feed's orders and hot score, the knowledge
 * graph's evidence, retags and synonyms), this is the faithful way to ask what they showed then.
 * It costs a write per update, so its callers cache what it answers.
 */
@Component
class ScratchReadModels {

    private final MongoClient client;

    ScratchReadModels(MongoClient client) {
        this.client = client;
    }

    /**
     * Projects the events (in order) with the projections built on the scratch template, then
     * answers the read of the result.
     */
    <T> T read(List<HistoricEvent> events, Function<MongoTemplate, List<Object>> projections, Function<MongoTemplate, T> read) {
        String database = "pointintime_" + UUID.randomUUID().toString().replace("-", "");
        MongoTemplate scratch = new MongoTemplate(client, database);
        try {
            List<AnnotationEventHandlerAdapter> handlers = projections.apply(scratch).stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            for (HistoricEvent event : events) {
                EventMessage<?> message = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.position()),
                        new GenericDomainEventMessage<>("pointintime", event.aggregateId(), 0, event.payload(),
                                MetaData.emptyInstance(), event.eventId(), event.storedAt()));
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(message)) {
                        handler.handle(message);
                    }
                }
            }
            return read.apply(scratch);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not rebuild the read model at the moment", e);
        } finally {
            client.getDatabase(database).drop();
        }
    }
}
