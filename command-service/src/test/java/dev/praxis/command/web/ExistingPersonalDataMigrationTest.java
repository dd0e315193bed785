package dev.praxis.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.privacy.PersonalData;
import dev.praxis.api.privacy.ProtectingSerializer;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.command.privacy.JdbcMemberKeys;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A store written before crypto-shredding existed: upgrading encrypts the personal texts already
 * stored (V67), so that erasing a member of long standing shreds their old data too, and leaves
 * every other event byte for byte as it was.
 */
class ExistingPersonalDataMigrationTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    @Test
    void personalTextsStoredInTheClearAreEncryptedByTheUpgrade() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                EmbeddedPostgresForTests.newDatabaseUrl("existing_personal_data_test"), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("66").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Serializer plain = JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build();
        insert(jdbc, plain, 0, "c1", new MemberJoinedCommunity("c1", "olga", "Olga Oldtimer", CommunityRole.MEMBER, "olga", T0));
        insert(jdbc, plain, 0, "q1", new QuestionAsked("q1", "c1", "An old question", "An old body", List.of(), "olga", T0));
        String question = payload(jdbc, "q1");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(payload(jdbc, "c1")).doesNotContain("Olga Oldtimer").contains("\"personalDataOf\":\"olga\"");
        assertThat(payload(jdbc, "q1")).isEqualTo(question);
        JdbcMemberKeys keys = new JdbcMemberKeys(jdbc);
        ProtectingSerializer serializer = new ProtectingSerializer(plain, keys);
        assertThat(read(serializer, jdbc, "c1").displayName()).isEqualTo("Olga Oldtimer");

        jdbc.update("DELETE FROM member_keys WHERE member_id = 'olga'");
        assertThat(read(serializer, jdbc, "c1").displayName()).isEqualTo(PersonalData.ERASED);
    }

    private static void insert(JdbcTemplate jdbc, Serializer serializer, long sequence, String aggregate, Object event) {
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload, meta_data) VALUES (?, ?, ?, 'Test', ?, ?, ?, '{}')",
                java.util.UUID.randomUUID().toString(), aggregate, sequence, T0.toString(), event.getClass().getName(),
                serializer.serialize(event, String.class).getData());
    }

    private static String payload(JdbcTemplate jdbc, String aggregate) {
        return jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, aggregate);
    }

    private static MemberJoinedCommunity read(Serializer serializer, JdbcTemplate jdbc, String aggregate) {
        return serializer.deserialize(new SimpleSerializedObject<>(payload(jdbc, aggregate), String.class,
                MemberJoinedCommunity.class.getName(), null));
    }
}
