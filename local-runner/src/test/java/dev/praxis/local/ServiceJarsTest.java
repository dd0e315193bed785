package dev.praxis.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServiceJarsTest {

    @Test
    void theProjectLayoutLooksForEachModulesTargetJar() {
        ServiceJars jars = ServiceJars.inProject(Path.of("/src/praxis"));

        assertThat(jars.jar(Service.COMMAND)).isEqualTo(Path.of("/src/praxis/command-service/target/command-service.jar"));
        assertThat(jars.jar(Service.QUERY)).isEqualTo(Path.of("/src/praxis/query-service/target/query-service.jar"));
        assertThat(jars.jar(Service.GATEWAY)).isEqualTo(Path.of("/src/praxis/api-gateway/target/api-gateway.jar"));
    }

    @Test
    void aDirectoryHoldsTheJarsByModuleName() {
        assertThat(ServiceJars.inDirectory(Path.of("/opt/praxis")).jar(Service.GATEWAY))
                .isEqualTo(Path.of("/opt/praxis/api-gateway.jar"));
    }

    @Test
    void withoutPropertiesTheProjectIsFoundAboveTheWorkingDirectory() {
        assumeTrue(System.getProperty(ServiceJars.JARS_PROPERTY) == null
                && System.getProperty(ServiceJars.ROOT_PROPERTY) == null, "jars given by a system property");
        // Maven runs the tests in local-runner/, one level below the project root.
        Path root = Path.of("").toAbsolutePath().getParent();

        assertThat(ServiceJars.locate().jar(Service.QUERY))
                .isEqualTo(root.resolve("query-service/target/query-service.jar"));
    }
}
