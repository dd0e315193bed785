package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalOptionsTest {

    @Test
    void defaultsKeepTheDataInTheProjectOnWellKnownPorts() {
        LocalConfig config = LocalOptions.parse(new String[0], new Properties()).toConfig();

        assertThat(config.dataDir()).isEqualTo(Path.of(".praxis-data").toAbsolutePath());
        assertThat(config.postgresPort()).isEqualTo(54329);
        assertThat(config.mongoPort()).isEqualTo(27029);
        assertThat(config.port(Service.COMMAND)).isEqualTo(8081);
        assertThat(config.port(Service.QUERY)).isEqualTo(8082);
        assertThat(config.port(Service.GATEWAY)).isEqualTo(8080);
        assertThat(config.mongoOnDisk()).isTrue();
        assertThat(config.services()).containsExactly(Service.values());
    }

    @Test
    void argumentsWinOverSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("praxis.gateway-port", "9000");
        properties.setProperty("praxis.data", "/from/property");

        LocalOptions options = LocalOptions.parse(
                new String[] {"--gateway-port=9090", "--seed=false", "--startup-timeout=300", "--jars=/opt/praxis"},
                properties);

        assertThat(options.servicePorts()).containsEntry(Service.GATEWAY, 9090);
        assertThat(options.dataDir()).isEqualTo(Path.of("/from/property"));
        assertThat(options.seed()).isFalse();
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.toConfig().jars().jar(Service.QUERY)).isEqualTo(Path.of("/opt/praxis/query-service.jar"));
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--gatway-port=1"}, new Properties()))
                .hasMessage("Unknown option: --gatway-port=1");
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--query-port=http"}, new Properties()))
                .hasMessage("--query-port must be a number: http");
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--mongo-port=70000"}, new Properties()))
                .hasMessageStartingWith("--mongo-port must be a port number");
        assertThatThrownBy(() -> LocalOptions.parse(new String[] {"--seed=maybe"}, new Properties()))
                .hasMessage("--seed must be true or false: maybe");
    }

    @Test
    void everyPortInUseHasAnOptionToMoveIt() {
        assertThat(LocalOptions.portOption("postgres")).isEqualTo("--postgres-port");
        for (Service service : Service.values()) {
            assertThat(LocalOptions.parse(new String[] {LocalOptions.portOption(service.moduleName()) + "=1234"},
                    new Properties()).servicePorts()).containsEntry(service, 1234);
        }
    }

    @Test
    void theExampleQueryIsPasteableIntoAShell() {
        assertThat(PraxisLocal.shellQuote("{\"query\":\"it's\"}")).isEqualTo("'{\"query\":\"it'\\''s\"}'");
    }
}
