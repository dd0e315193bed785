package dev.praxis.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB server (mongo-java-server) that holds the read models and their tracking
 * tokens. It runs inside this JVM, so restarting a service keeps its read models either way.
 */
final class LocalMongo implements AutoCloseable {

    static final String DATABASE = "praxis";

    private final MongoServer server;
    private final int port;

    private LocalMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param file the H2 store to keep the data in across restarts, or {@code null} to keep it in memory */
    static LocalMongo start(Path file, int port) {
        MongoBackend backend = file == null ? new MemoryBackend() : openH2(file);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new LocalSystemException("MongoDB did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new LocalMongo(server, server.getLocalAddress().getPort());
    }

    private static MongoBackend openH2(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new H2Backend(file.toString());
        } catch (IOException | RuntimeException e) {
            throw new LocalSystemException("Cannot open the MongoDB data file " + file + ": " + e.getMessage()
                    + " (another Praxis using the same data directory?)", e);
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Closes client connections, then the backend: for H2 that writes the store to disk. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
