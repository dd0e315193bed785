package dev.praxis.query.eventstore;

import com.mongodb.client.MongoClient;
import dev.praxis.api.privacy.ProtectingSerializer;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.query.privacy.StoredMemberKeys;
import java.time.Clock;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import dev.praxis.query.scaling.ScalingProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The query side reads the command side's event store (never writes it) and keeps its tracking
 * tokens in MongoDB beside the read models, so that dropping the read database rebuilds everything
 * from the events. Wired by hand because Axon 4's auto-configuration does not order itself
 * correctly against Spring Boot 4.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** How long an idle store's fetching thread waits before it reads again (application.yml; one default here). */
    private static final String FETCH_DELAY_MS = "${praxis.query.fetch-delay-ms:500}";

    /** The event table of the command service's migration V1__event_store.sql. */
    static final EventSchema SCHEMA = EventSchema.builder()
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

    /** Events are read with their members' personal texts decrypted, or erased ({@link ProtectingSerializer}). */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer, JdbcTemplate jdbc) {
        return ProtectingSerializer.readingOnly(serializer, new StoredMemberKeys(jdbc));
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Projections write to MongoDB, which has no transactions on the embedded server: handlers are idempotent instead. */
    @Bean
    public TransactionManager axonTransactionManager() {
        return NoTransactionManager.INSTANCE;
    }

    /** What the listener has heard of the store's announcements, which the engine's reads consult. */
    @Bean
    public AnnouncedHead announcedHead() {
        return new AnnouncedHead();
    }

    /**
     * Axon's JDBC engine that skips a read the announcements show to be empty
     * ({@link AnnouncedHeadEventStorageEngine}); such an answer is trusted for half the fetch delay,
     * so the poll that covers a lost announcement still reads.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 DataSource dataSource, AnnouncedHead announcedHead,
                                                 @Value(FETCH_DELAY_MS) long fetchDelayMs) {
        return new AnnouncedHeadEventStorageEngine(engine(serializer, eventSerializer, dataSource), announcedHead, Duration.ofMillis(fetchDelayMs).dividedBy(2));
    }

    /** Axon's JDBC engine on the command service's event table, as both the head's reads and the shared pages use it. */
    private static JdbcEventStorageEngine.Builder engine(Serializer serializer, Serializer eventSerializer,
                                                         DataSource dataSource) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(SCHEMA)
                .dataType(String.class)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer);
    }

    /**
     * The event store that the processors tail. Its fetching thread reads the store as soon as
     * PostgreSQL announces new events ({@link NewEventAnnouncements}), and polls an idle store every
     * {@code praxis.query.fetch-delay-ms} in case an announcement was missed (Axon's default: a
     * second).
     */
    @Bean(destroyMethod = "shutDown")
    public WakeableEventStore eventStore(EventStorageEngine storageEngine,
                                         @Value(FETCH_DELAY_MS) long fetchDelayMs) {
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(fetchDelayMs));
    }

    /** How far the event store can no longer change (read only while a processor is behind the head). */
    @Bean(destroyMethod = "close")
    public SettledHead settledHead(DataSource dataSource,
                                   @Value("${praxis.query.catch-up.settle-delay:1s}") Duration settleDelay) {
        return new SettledHead(dataSource, settleDelay);
    }

    /**
     * The processors' event stream: the settled store read once for all the processors behind the head
     * ({@link SharedCatchUpSource}), the event store's own stream from there. Its pages are read by an
     * engine of their own, one statement per page: the shared engine's announced-head shortcut is for
     * the reads at the head.
     */
    @Bean
    public SharedCatchUpSource catchUpSource(WakeableEventStore eventStore, Serializer serializer,
                                             @Qualifier("eventSerializer") Serializer eventSerializer,
                                             DataSource dataSource, SettledHead settledHead, MeterRegistry meters,
                                             ScalingProperties scaling,
                                             @Value("${praxis.query.catch-up.page-events:1000}") int pageEvents,
                                             @Value("${praxis.query.catch-up.cached-events:10000}") int cachedEvents,
                                             @Value("${praxis.query.catch-up.stall:10s}") Duration stall,
                                             @Value("${praxis.query.catch-up.enabled:true}") boolean enabled) {
        JdbcEventStorageEngine pageReader = engine(serializer, eventSerializer, dataSource)
                .batchSize(pageEvents + 1) // a page and a look at the next index (SharedCatchUpSource.read)
                .build();
        return new SharedCatchUpSource(eventStore, pageReader, settledHead, pageEvents, cachedEvents,
                scaling.batchSize(), stall, enabled, meters);
    }

    /** Tracking tokens in MongoDB; a claim renewed a moment ago is not extended again ({@link FreshClaimTokenStore}). */
    @Bean
    public TokenStore tokenStore(MongoClient mongoClient, MongoTemplate mongoTemplate, Serializer serializer,
                                 ScalingProperties scaling) {
        return new FreshClaimTokenStore(mongoTokenStore(mongoClient, mongoTemplate, serializer, scaling),
                scaling.claimTimeout(), Clock.systemUTC());
    }

    private static TokenStore mongoTokenStore(MongoClient mongoClient, MongoTemplate mongoTemplate, Serializer serializer,
                                              ScalingProperties scaling) {
        return MongoTokenStore.builder()
                .nodeId(scaling.nodeId())
                .claimTimeout(scaling.claimTimeout())
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, mongoTemplate.getDb().getName())
                        .trackingTokensCollectionName("tracking_tokens")
                        .build())
                .serializer(serializer)
                .build();
    }
}
