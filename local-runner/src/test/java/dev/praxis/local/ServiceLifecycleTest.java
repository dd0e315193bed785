package dev.praxis.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting, stopping and restarting services as OS processes, with stand-ins that only answer the
 * health check, so this runs without the real services being built.
 */
class ServiceLifecycleTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path jarsDir;

    private LocalSystem system;

    @BeforeEach
    void start() throws IOException {
        system = LocalSystem.start(LocalConfig.forTests(dataDir)
                .jars(FakeJars.healthy().writeTo(jarsDir))
                .jvmArgs("-Dpraxis.test.marker=yes")
                .serviceArgs(Service.QUERY, "--praxis.query.consistency-timeout=9s")
                .build());
    }

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void eachServiceGetsItsPortAndTheStoresAndPeersItNeeds() throws IOException {
        for (Service service : Service.values()) {
            assertThat(system.isRunning(service)).as(service + " running").isTrue();
        }
        assertThat(log(Service.COMMAND)).contains(
                "arg --server.port=" + system.port(Service.COMMAND),
                "arg --spring.datasource.url=" + system.jdbcUrl(),
                "arg --spring.datasource.username=postgres",
                "arg --spring.datasource.password=postgres",
                "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dpraxis.test.marker=yes -jar");
        assertThat(log(Service.QUERY)).contains(
                "arg --spring.datasource.url=" + system.jdbcUrl(),
                "arg --spring.mongodb.uri=" + system.mongoUri(),
                "arg --praxis.query.consistency-timeout=9s");
        assertThat(log(Service.GATEWAY)).contains(
                "arg --server.port=" + system.port(Service.GATEWAY),
                "arg --spring.profiles.active=local",
                "arg --praxis.command-service.url=" + system.commandUrl(),
                "arg --praxis.query-service.url=" + system.queryUrl());
        assertThat(system.graphqlUrl()).isEqualTo("http://127.0.0.1:" + system.port(Service.GATEWAY) + "/graphql");
    }

    @Test
    void restartingOneServiceLeavesTheOthersAlone() {
        long query = system.pid(Service.QUERY).orElseThrow();
        long command = system.pid(Service.COMMAND).orElseThrow();
        long gateway = system.pid(Service.GATEWAY).orElseThrow();
        int queryPort = system.port(Service.QUERY);

        system.restart(Service.QUERY);

        assertThat(system.pid(Service.QUERY).orElseThrow()).isNotEqualTo(query);
        assertThat(processAlive(query)).isFalse();
        assertThat(system.pid(Service.COMMAND)).hasValue(command);
        assertThat(system.pid(Service.GATEWAY)).hasValue(gateway);
        assertThat(system.port(Service.QUERY)).isEqualTo(queryPort);
    }

    @Test
    void aStoppedServiceCanBeStartedAgain() throws IOException {
        system.stop(Service.GATEWAY);
        assertThat(system.isRunning(Service.GATEWAY)).isFalse();
        assertThat(system.pid(Service.GATEWAY)).isEmpty();
        system.stop(Service.GATEWAY);

        system.start(Service.GATEWAY);

        assertThat(system.isRunning(Service.GATEWAY)).isTrue();
        assertThat(log(Service.GATEWAY).split("starting api-gateway", -1)).as("one banner per start").hasSize(3);
    }

    @Test
    void closeStopsEveryServiceProcess() {
        long[] pids = {
                system.pid(Service.COMMAND).orElseThrow(),
                system.pid(Service.QUERY).orElseThrow(),
                system.pid(Service.GATEWAY).orElseThrow()};

        system.close();

        for (long pid : pids) {
            assertThat(processAlive(pid)).as("process " + pid + " alive").isFalse();
        }
        for (Service service : Service.values()) {
            assertThat(system.isRunning(service)).isFalse();
        }
        system.close();
    }

    private String log(Service service) throws IOException {
        return Files.readString(system.logFile(service));
    }

    private static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
