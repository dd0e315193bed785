package dev.praxis.local;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB server (mongo-java-server) that holds the read models and their tracking
 * tokens. It runs inside this JVM, so restarting a service keeps its read models either way. Its
 * collections find documents by {@code _id} through the index whatever else a filter asks
 * ({@link IdLookupCollections}).
 */
final class LocalMongo implements AutoCloseable {

    static final String DATABASE = "praxis";

    /*
     * MongoDB 4.4.2 and later answer `hello`, the successor of `isMaster`, and Spring Boot's MongoDB
     * health indicator sends it. mongo-java-server 1.47 does not know it, so the query service would
     * stay DOWN. The answer is isMaster's, with the field that replaced `ismaster`.
     */
    private static final String IS_MASTER = "isMaster";

    private final MongoServer server;

    private LocalMongo(MongoServer server) {
        this.server = server;
    }

    /** @param file the H2 store to keep the data in across restarts, or {@code null} to keep it in memory */
    static LocalMongo start(Path file, int port) {
        MongoBackend backend = file == null ? memoryBackend() : openH2(file);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new LocalSystemException("MongoDB did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new LocalMongo(server);
    }

    private static MongoBackend memoryBackend() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return IdLookupCollections.memoryDatabase(databaseName, getCursorRegistry());
            }

            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return isHello(command)
                        ? answerHello(super.handleCommand(channel, database, IS_MASTER, query))
                        : super.handleCommand(channel, database, command, query);
            }
        };
    }

    private static MongoBackend openH2(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new H2Backend(file.toString()) {
                @Override
                protected MongoDatabase openOrCreateDatabase(String databaseName) {
                    return IdLookupCollections.h2Database(databaseName, getMvStore(), getCursorRegistry());
                }

                @Override
                public Document handleCommand(Channel channel, String database, String command, Document query) {
                    return isHello(command)
                            ? answerHello(super.handleCommand(channel, database, IS_MASTER, query))
                            : super.handleCommand(channel, database, command, query);
                }
            };
        } catch (IOException | RuntimeException e) {
            throw new LocalSystemException("Cannot open the MongoDB data file " + file + ": " + e.getMessage()
                    + " (another Praxis using the same data directory?)", e);
        }
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private static Document answerHello(Document isMaster) {
        isMaster.put("isWritablePrimary", isMaster.get("ismaster"));
        return isMaster;
    }

    /** Closes client connections, then the backend: for H2 that writes the store to disk. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
