package dev.praxis.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A service's own default configuration ({@code src/main/resources/application.yml}, its first
 * document: the one every profile starts from), as the manifests must match it.
 */
record ServiceConfiguration(String service, JsonNode root, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Spring Boot's default for spring.lifecycle.timeout-per-shutdown-phase. */
    private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    static ServiceConfiguration of(String service) {
        Path file = Overlay.K8S.resolveSibling(service).resolve("src/main/resources/application.yml");
        try {
            String text = Files.readString(file);
            String first = text.split("(?m)^---\\s*$")[0];
            return new ServiceConfiguration(service, new YAMLMapper().readTree(first), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int serverPort() {
        JsonNode port = at("server.port");
        if (port.isMissingNode()) {
            throw new AssertionError(service + " sets no server.port");
        }
        return port.asInt();
    }

    boolean healthProbesEnabled() {
        return at("management.endpoint.health.probes.enabled").asBoolean(false);
    }

    long shutdownPhaseSeconds() {
        JsonNode timeout = at("spring.lifecycle.timeout-per-shutdown-phase");
        return timeout.isMissingNode() ? DEFAULT_SHUTDOWN_PHASE.toSeconds()
                : Duration.parse("PT" + timeout.asString().toUpperCase()).toSeconds();
    }

    boolean hasProperty(String dotted) {
        return !at(dotted).isMissingNode();
    }

    /** The environment variables that the file names as ${NAME:default} placeholders. */
    Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private JsonNode at(String dotted) {
        return root.at("/" + dotted.replace('.', '/'));
    }

    @Override
    public String toString() {
        return service + " " + Map.of();
    }
}
