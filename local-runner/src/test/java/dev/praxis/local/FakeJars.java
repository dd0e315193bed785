package dev.praxis.local;

import dev.praxis.local.fake.HealthyService;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** Writes {@code <module>.jar} files that run the fake services of {@code dev.praxis.local.fake}. */
final class FakeJars {

    private static final String FAKE_PACKAGE = "dev/praxis/local/fake/";

    private final Map<Service, Class<?>> mains = new EnumMap<>(Service.class);

    private FakeJars() {
        for (Service service : Service.values()) {
            mains.put(service, HealthyService.class);
        }
    }

    /** All three services healthy, unless {@link #with} says otherwise. */
    static FakeJars healthy() {
        return new FakeJars();
    }

    FakeJars with(Service service, Class<?> mainClass) {
        mains.put(service, mainClass);
        return this;
    }

    ServiceJars writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> classes = fakeClasses();
        for (Map.Entry<Service, Class<?>> entry : mains.entrySet()) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, entry.getValue().getName());
            try (OutputStream file = Files.newOutputStream(dir.resolve(entry.getKey().jarName()));
                 JarOutputStream jar = new JarOutputStream(file, manifest)) {
                for (Path classFile : classes) {
                    jar.putNextEntry(new JarEntry(FAKE_PACKAGE + classFile.getFileName()));
                    Files.copy(classFile, jar);
                    jar.closeEntry();
                }
            }
        }
        return ServiceJars.inDirectory(dir);
    }

    private static List<Path> fakeClasses() throws IOException {
        try {
            Path root = Path.of(HealthyService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.list(root.resolve(FAKE_PACKAGE))) {
                return files.filter(path -> path.toString().endsWith(".class")).toList();
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
