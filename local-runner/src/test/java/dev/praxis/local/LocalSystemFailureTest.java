package dev.praxis.local;

import dev.praxis.local.fake.CrashingService;
import dev.praxis.local.fake.UnhealthyService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way the local system can fail to start says why, and leaves nothing running behind. */
class LocalSystemFailureTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path jarsDir;

    @Test
    void aMissingJarIsNamedWithTheWayToBuildItAndNothingStarts() {
        LocalConfig config = LocalConfig.forTests(dataDir).jarsDirectory(jarsDir).build();

        assertThatThrownBy(() -> LocalSystem.start(config))
                .isInstanceOf(LocalSystemException.class)
                .hasMessageContaining("Cannot start command-service: " + jarsDir.resolve("command-service.jar") + " does not exist")
                .hasMessageContaining("./mvnw -DskipTests package")
                .hasMessageContaining("-Dpraxis.jars=");
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void aTakenPortIsNamedBeforeAnythingStarts() throws IOException {
        ServiceJars jars = FakeJars.healthy().writeTo(jarsDir);
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(0));
            int taken = squatter.getLocalPort();
            LocalConfig config = LocalConfig.forTests(dataDir).jars(jars).port(Service.GATEWAY, taken).build();

            PortInUseException failure = catchThrowableOfType(PortInUseException.class, () -> LocalSystem.start(config));

            assertThat(failure.port()).isEqualTo(taken);
            assertThat(failure.owner()).isEqualTo("api-gateway");
            assertThat(failure).hasMessageContaining("Port " + taken + " for api-gateway is already in use");
        }
        assertThat(dataDir.resolve("postgres")).doesNotExist();
    }

    @Test
    void aServiceThatCrashesFailsTheStartWithItsLogAndTheOthersAreStopped() throws IOException {
        ServiceJars jars = FakeJars.healthy().with(Service.QUERY, CrashingService.class).writeTo(jarsDir);
        int commandPort = Ports.pickFree();
        LocalConfig config = LocalConfig.forTests(dataDir).jars(jars).port(Service.COMMAND, commandPort).build();

        assertThatThrownBy(() -> LocalSystem.start(config))
                .isInstanceOf(LocalSystemException.class)
                .hasMessageContaining("query-service exited with code 3 while starting")
                .hasMessageContaining("Last 40 lines of " + dataDir.resolve("logs/query-service.log"))
                .hasMessageContaining("boom, the datasource URL is wrong");
        assertThat(isListening(commandPort)).as("command-service still listening").isFalse();
    }

    @Test
    void aServiceThatNeverBecomesHealthyFailsAtTheDeadline() throws IOException {
        ServiceJars jars = FakeJars.healthy().with(Service.COMMAND, UnhealthyService.class).writeTo(jarsDir);
        LocalConfig config = LocalConfig.forTests(dataDir).jars(jars).startupTimeout(Duration.ofSeconds(3)).build();

        assertThatThrownBy(() -> LocalSystem.start(config))
                .isInstanceOf(LocalSystemException.class)
                .hasMessageContaining("command-service did not become healthy in time (last health status: DOWN")
                .hasMessageContaining("fake service listening on");
        assertThat(dataDir.resolve("logs/query-service.log")).as("started after command-service").doesNotExist();
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
