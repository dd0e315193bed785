package dev.praxis.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfile copies exactly the layers that each service's jar has, in the jar's order (least
 * changing first), so that an image build cannot silently leave a layer out.
 */
class ContainerImageTest {

    private static final Path ROOT = Overlay.K8S.getParent();
    private static final Pattern COPY_LAYER = Pattern.compile("COPY --from=layers /build/extracted/([a-z-]+)/ \\./");

    @ParameterizedTest
    @ValueSource(strings = {"command-service", "query-service", "api-gateway"})
    void theDockerfileCopiesEveryLayerOfTheServicesJarInOrder(String service) throws Exception {
        Path jar = ROOT.resolve(service).resolve("target").resolve(service + ".jar");
        assertThat(jar).as("built by the reactor before this module (./mvnw package)").isRegularFile();

        Process process = new ProcessBuilder(javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(), "list-layers")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        List<String> layers = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();

        assertThat(copiedLayers()).isEqualTo(layers);
    }

    private static List<String> copiedLayers() throws Exception {
        List<String> copied = new ArrayList<>();
        Matcher matcher = COPY_LAYER.matcher(Files.readString(ROOT.resolve("Dockerfile")));
        while (matcher.find()) {
            copied.add(matcher.group(1));
        }
        return copied;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
