package dev.praxis.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The two embedded stores, without any service: they start, and keep what they hold across a restart. */
class LocalStoresTest {

    @TempDir
    Path dataDir;

    @Test
    void postgresAndOnDiskMongoKeepTheirDataAcrossARestart() throws Exception {
        LocalConfig config = LocalConfig.builder(dataDir).storesOnly().mongoOnDisk(true).build();

        try (LocalSystem system = LocalSystem.start(config)) {
            try (Connection connection = connect(system); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(100))");
                sql.execute("INSERT INTO note VALUES (1, 'written before the restart')");
            }
            try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
                notes(mongo).insertOne(new Document("_id", "n1").append("text", "written before the restart"));
            }
        }

        assertThat(dataDir.resolve("mongo/praxis.mv")).isRegularFile();
        assertThat(dataDir.resolve("postgres/postgresql.conf")).isRegularFile();

        try (LocalSystem system = LocalSystem.start(config)) {
            try (Connection connection = connect(system); Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT text FROM note WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the restart");
            }
            try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
                Document note = notes(mongo).find(new Document("_id", "n1")).first();
                assertThat(note).isNotNull();
                assertThat(note.getString("text")).isEqualTo("written before the restart");
            }
        }
    }

    @Test
    void inMemoryMongoStartsEmptyAndLeavesNoFile() {
        LocalConfig config = LocalConfig.forTests(dataDir).storesOnly().build();

        try (LocalSystem system = LocalSystem.start(config)) {
            try (MongoClient mongo = MongoClients.create(system.mongoUri())) {
                notes(mongo).insertOne(new Document("_id", "n1"));
            }
        }
        try (LocalSystem system = LocalSystem.start(config);
             MongoClient mongo = MongoClients.create(system.mongoUri())) {
            assertThat(notes(mongo).countDocuments()).isZero();
        }
        assertThat(dataDir.resolve("mongo")).doesNotExist();
    }

    @Test
    void theStoresListenOnTheConfiguredPortsAndTheUrlsSayWhere() throws Exception {
        int postgresPort = Ports.pickFree();
        int mongoPort = Ports.pickFree();
        LocalConfig config = LocalConfig.forTests(dataDir).storesOnly()
                .postgresPort(postgresPort).mongoPort(mongoPort).build();

        try (LocalSystem system = LocalSystem.start(config)) {
            assertThat(system.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgresPort + "/praxis");
            assertThat(system.mongoUri()).isEqualTo("mongodb://127.0.0.1:" + mongoPort + "/praxis");
            try (Connection connection = connect(system)) {
                assertThat(connection.getCatalog()).isEqualTo("praxis");
            }
        }
    }

    /** Spring Boot's MongoDB health indicator sends {@code hello}; without an answer the query service stays DOWN. */
    @ParameterizedTest(name = "on disk: {0}")
    @ValueSource(booleans = {true, false})
    void mongoAnswersHelloAsARealMongoDbDoes(boolean onDisk) {
        try (LocalSystem system = LocalSystem.start(LocalConfig.builder(dataDir).storesOnly().mongoOnDisk(onDisk).build());
             MongoClient mongo = MongoClients.create(system.mongoUri())) {
            Document hello = mongo.getDatabase("praxis").runCommand(new Document("hello", 1));

            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.getInteger("maxWireVersion")).isPositive();
        }
    }

    private static Connection connect(LocalSystem system) throws SQLException {
        return DriverManager.getConnection(system.jdbcUrl(), system.jdbcUser(), system.jdbcPassword());
    }

    private static MongoCollection<Document> notes(MongoClient mongo) {
        return mongo.getDatabase("praxis").getCollection("notes");
    }
}
