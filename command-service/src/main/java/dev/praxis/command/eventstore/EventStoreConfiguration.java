package dev.praxis.command.eventstore;

import dev.praxis.api.privacy.ProtectingSerializer;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privacy.JdbcMemberKeys;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC event store on PostgreSQL, wired by hand: Axon 4's auto-configuration orders itself
 * after Spring Boot 3 class names that Boot 4 moved, so relying on it would silently fall back to a
 * no-op transaction manager and no JDBC engine.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    /** The schema of V1__event_store.sql, in snake_case. */
    public static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .timestampColumn("time_stamp")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build();
    }

    @Bean
    public JdbcMemberKeys memberKeys(JdbcTemplate jdbc) {
        return new JdbcMemberKeys(jdbc);
    }

    /**
     * Events are written with their members' personal texts encrypted (crypto-shredding,
     * {@link ProtectingSerializer}); snapshots are not (they are dropped when a member is erased).
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer, JdbcMemberKeys memberKeys) {
        return new ProtectingSerializer(serializer, memberKeys);
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * Recognises a clash on (aggregate, sequence number), the sign of a concurrent write to the same
     * aggregate, by PostgreSQL's SQL state for unique violations: Axon then raises a
     * ConcurrencyException, which the command gateway retries. (Axon's JdbcSQLErrorCodesResolver
     * looks for SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws.)
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 DataSource dataSource,
                                                 TransactionManager transactionManager,
                                                 PersistenceExceptionResolver persistenceExceptionResolver) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .schema(SCHEMA)
                .dataType(String.class)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .build();
    }

    /** Aggregates with long streams (a popular question, a large community) load from a snapshot. */
    @Bean
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${praxis.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
