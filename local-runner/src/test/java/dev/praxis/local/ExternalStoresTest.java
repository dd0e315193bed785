package dev.praxis.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores of one's own (as the benchmark's {@code --postgres} and {@code --mongo-uri} give them): the
 * local system starts neither embedded store and points the services at those instead. The fake
 * services print the arguments they were given; they do not connect anywhere.
 */
class ExternalStoresTest {

    private static final String EVENTS = "jdbc:postgresql://127.0.0.1:6543/events";
    private static final String READ_MODELS = "mongodb://127.0.0.1:27999/readmodels";

    @TempDir
    Path dataDir;

    @TempDir
    Path jarsDir;

    @Test
    void theServicesUseTheGivenStoresAndNoEmbeddedOneStarts() throws IOException {
        try (LocalSystem system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .jars(FakeJars.healthy().writeTo(jarsDir))
                .externalPostgres(EVENTS, "praxis", "secret")
                .externalMongo(READ_MODELS)
                .build())) {
            assertThat(system.jdbcUrl()).isEqualTo(EVENTS);
            assertThat(system.jdbcUser()).isEqualTo("praxis");
            assertThat(system.mongoUri()).isEqualTo(READ_MODELS);
            assertThat(log(system, Service.COMMAND)).contains(
                    "arg --spring.datasource.url=" + EVENTS,
                    "arg --spring.datasource.username=praxis",
                    "arg --spring.datasource.password=secret");
            assertThat(log(system, Service.QUERY)).contains(
                    "arg --spring.datasource.url=" + EVENTS,
                    "arg --spring.mongodb.uri=" + READ_MODELS);
            // neither embedded store was started: no data directory, nothing listening on their ports
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            assertThat(dataDir.resolve("mongo")).doesNotExist();
            assertThat(isFree(system.postgresPort())).isTrue();
            assertThat(isFree(system.mongoPort())).isTrue();
        }
    }

    @Test
    void onlyTheStoreGivenIsExternal() throws IOException {
        try (LocalSystem system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .jars(FakeJars.healthy().writeTo(jarsDir))
                .externalMongo(READ_MODELS)
                .build())) {
            assertThat(system.mongoUri()).isEqualTo(READ_MODELS);
            assertThat(system.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + system.postgresPort() + "/praxis");
            assertThat(isFree(system.postgresPort())).isFalse();
        }
    }

    @Test
    void aStoreThatIsNotOneIsRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> LocalConfig.forTests(dataDir).externalPostgres("jdbc:mysql://127.0.0.1/events", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> LocalConfig.forTests(dataDir).externalMongo("http://127.0.0.1:27017/readmodels"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mongodb://");
        assertThatThrownBy(() -> LocalConfig.forTests(dataDir).externalMongo("mongodb://127.0.0.1:27017/?w=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names its database");
        // credentials and options are the URI's own business
        LocalConfig.forTests(dataDir).externalMongo("mongodb://praxis:secret@127.0.0.1:27017/readmodels?authSource=admin");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String log(LocalSystem system, Service service) throws IOException {
        return Files.readString(system.logFile(service));
    }
}
