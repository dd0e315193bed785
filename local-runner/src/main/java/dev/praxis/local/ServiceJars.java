package dev.praxis.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the services' executable jars are: either one directory holding {@code command-service.jar},
 * {@code query-service.jar} and {@code api-gateway.jar}, or a checkout of the project, where each
 * module builds {@code <module>/target/<module>.jar}.
 */
public final class ServiceJars {

    /** A directory holding the three jars. */
    public static final String JARS_PROPERTY = "praxis.jars";
    /** The project's root directory; the failsafe plugin sets it for the end-to-end tests. */
    public static final String ROOT_PROPERTY = "praxis.jars.root";

    private final String description;
    private final Function<Service, Path> layout;

    private ServiceJars(String description, Function<Service, Path> layout) {
        this.description = description;
        this.layout = layout;
    }

    public static ServiceJars inDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        return new ServiceJars("directory " + dir, service -> dir.resolve(service.jarName()));
    }

    public static ServiceJars inProject(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        return new ServiceJars("project " + dir,
                service -> dir.resolve(service.moduleName()).resolve("target").resolve(service.jarName()));
    }

    /**
     * The jars as a developer or a test expects to find them: {@value #JARS_PROPERTY}, else
     * {@value #ROOT_PROPERTY}, else the nearest directory at or above the working directory that
     * looks like the project (so running from a module's directory works too).
     */
    public static ServiceJars locate() {
        String jars = System.getProperty(JARS_PROPERTY);
        if (jars != null && !jars.isBlank()) {
            return inDirectory(Path.of(jars));
        }
        String root = System.getProperty(ROOT_PROPERTY);
        if (root != null && !root.isBlank()) {
            return inProject(Path.of(root));
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        for (Path dir = workingDirectory; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(Service.COMMAND.moduleName()).resolve("pom.xml"))) {
                return inProject(dir);
            }
        }
        return inProject(workingDirectory);
    }

    public Path jar(Service service) {
        return layout.apply(service);
    }

    /** Fails with the way out when the jar of {@code service} has not been built. */
    Path requireJar(Service service) {
        Path jar = jar(service);
        if (!Files.isRegularFile(jar)) {
            throw new LocalSystemException("Cannot start " + service + ": " + jar + " does not exist."
                    + " Build the services first (./mvnw -DskipTests package in the project root),"
                    + " or point -D" + JARS_PROPERTY + "=<dir> at a directory holding "
                    + Service.COMMAND.jarName() + ", " + Service.QUERY.jarName()
                    + " and " + Service.GATEWAY.jarName() + ".");
        }
        return jar;
    }

    @Override
    public String toString() {
        return "jars in " + description;
    }
}
