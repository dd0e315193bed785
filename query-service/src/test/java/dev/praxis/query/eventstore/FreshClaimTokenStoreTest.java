package dev.praxis.query.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.praxis.query.CommandCounter;
import dev.praxis.query.ProjectionHarness;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Against axon-mongo's token store on the embedded MongoDB: a claim renewed a moment ago is not
 * extended again (no write), and an instance whose claim another instance took over after the
 * timeout, or that released its claim, is refused as before and no longer counts as holding the
 * segment without a break.
 */
class FreshClaimTokenStoreTest {

    private static final CommandCounter tokenWrites = new CommandCounter(e -> e.getCommandName().equals("update")
            && e.getCommand().getString("update").getValue().equals("tracking_tokens"));

    @RegisterExtension
    static final ProjectionHarness harness = new ProjectionHarness(mongo -> List.of(), tokenWrites);

    @Test
    void aClaimRenewedAMomentAgoIsNotExtendedAgain() {
        TokenStore store = store("fresh", "node-a", Duration.ofSeconds(10));
        store.initializeTokenSegments("feeds", 1, new GlobalSequenceTrackingToken(0));
        store.fetchToken("feeds", 0);
        int before = tokenWrites.count("fresh");

        store.extendClaim("feeds", 0);
        store.storeToken(new GlobalSequenceTrackingToken(5), "feeds", 0);
        store.extendClaim("feeds", 0);

        // the token stored, the claim extended by neither extension: it was renewed within 2 s
        assertThat(tokenWrites.count("fresh") - before).isEqualTo(1);
        assertThat(store.fetchToken("feeds", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void aClaimTakenOverAfterTheTimeoutOrReleasedIsRefused() throws Exception {
        Duration timeout = Duration.ofMillis(300);
        FreshClaimTokenStore a = store("taken", "node-a", timeout);
        FreshClaimTokenStore b = store("taken", "node-b", timeout);
        a.initializeTokenSegments("feeds", 1, new GlobalSequenceTrackingToken(0));
        a.fetchToken("feeds", 0);
        assertThat(a.unbrokenClaim("feeds", 0)).isNotNegative();

        // node-a stalls beyond the timeout; node-b takes the segment over
        Thread.sleep(timeout.multipliedBy(2).toMillis());
        b.fetchToken("feeds", 0);

        assertThat(a.unbrokenClaim("feeds", 0)).isEqualTo(-1); // not renewed within a fifth of the timeout
        assertThatThrownBy(() -> a.extendClaim("feeds", 0)).isInstanceOf(UnableToClaimTokenException.class);
        long claimOfB = b.unbrokenClaim("feeds", 0);
        assertThat(claimOfB).isNotNegative();
        b.releaseClaim("feeds", 0);
        assertThat(b.unbrokenClaim("feeds", 0)).isEqualTo(-1);
        // released, its claim is not remembered as fresh: the store refuses the extension
        assertThatThrownBy(() -> b.extendClaim("feeds", 0)).isInstanceOf(UnableToClaimTokenException.class);
    }

    private static FreshClaimTokenStore store(String database, String node, Duration claimTimeout) {
        MongoTokenStore mongo = MongoTokenStore.builder()
                .nodeId(node)
                .claimTimeout(claimTimeout)
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(harness.client(), database)
                        .trackingTokensCollectionName("tracking_tokens").build())
                .serializer(JacksonSerializer.defaultSerializer())
                .build();
        return new FreshClaimTokenStore(mongo, claimTimeout, Clock.systemUTC());
    }
}
