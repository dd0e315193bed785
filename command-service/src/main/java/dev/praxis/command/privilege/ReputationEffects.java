package dev.praxis.command.privilege;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.reputation.InMemoryReputationLedger;
import dev.praxis.api.reputation.ReputationCause;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.api.shared.PraxisEvent;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies the {@link ReputationEngine} to every event that bears on reputation, in the transaction
 * that appends it (a subscribing processor, see {@code CommandSideLookups}): the reputation that
 * {@link Privileges#require} checks is the engine's, as the query side shows it. When a community's
 * rules change, its reputation is rebuilt here from its stored events under the new version, in the
 * same transaction: the command commits with the recomputed reputation or not at all.
 */
@Component
public class ReputationEffects {

    private static final ObjectMapper JSON = MessageJson.storageMapper();
    private static final String[] INPUT_TYPES = ReputationEngine.INPUTS.stream().map(Class::getName).sorted()
            .toArray(String[]::new);

    private final ReputationEngine engine = new ReputationEngine();
    private final JdbcReputationLedger ledger;
    private final JdbcTemplate jdbc;

    public ReputationEffects(JdbcReputationLedger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PraxisEvent event, EventMessage<?> message) {
        if (ReputationEngine.isInput(event)) {
            engine.apply(message.getIdentifier(), event, ledger);
        }
    }

    @EventHandler
    void on(ReputationRulesChanged event) {
        ReputationRules rules = event.rules();
        jdbc.update("""
                INSERT INTO reputation_rules (community_id, version, preset, rule_values, changed_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (community_id, version) DO NOTHING""",
                event.communityId(), rules.version(), rules.preset().name(), JdbcReputationLedger.write(rules.values()),
                Timestamp.from(event.occurredAt()));
        rebuild(event.communityId(), rules);
    }

    /** Replays the community's stored events under the rules and replaces its ledger with the result. */
    void rebuild(String communityId, ReputationRules rules) {
        InMemoryReputationLedger replayed = engine.replay(communityId, rules, history(communityId)).ledger();
        for (String table : List.of("member_reputation", "reputation_vote_day", "reputation_thread_tags", "reputation_cause")) {
            jdbc.update("DELETE FROM " + table + " WHERE community_id = ?", communityId);
        }
        replayed.totals(communityId).forEach((member, total) -> ledger.setTotal(communityId, member, total));
        replayed.editPoints(communityId).forEach((member, points) -> ledger.setEditPoints(communityId, member, points));
        replayed.votePoints(communityId).forEach((key, points) ->
                ledger.setVotePoints(communityId, key.get(0), LocalDate.parse(key.get(1)), points));
        replayed.tags(communityId).forEach((thread, tags) -> ledger.setTags(communityId, thread, tags));
        for (ReputationCause cause : replayed.causes(communityId)) {
            ledger.putCause(cause);
        }
    }

    /** The community's events that bear on reputation, in the event store's order (a scan: rules change rarely). */
    private List<ReputationEngine.RecordedEvent> history(String communityId) {
        return jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT event_identifier, payload_type, payload FROM domain_event_entry
                    WHERE payload_type = ANY (?) AND payload::jsonb ->> 'communityId' = ?
                    ORDER BY global_index""");
            statement.setArray(1, con.createArrayOf("varchar", INPUT_TYPES));
            statement.setString(2, communityId);
            return statement;
        }, (rs, n) -> new ReputationEngine.RecordedEvent(rs.getString(1), read(rs.getString(2), rs.getString(3))));
    }

    private static Object read(String type, String payload) {
        try {
            return JSON.readValue(payload, Class.forName(type));
        } catch (JsonProcessingException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot read a stored " + type + " event", e);
        }
    }
}
