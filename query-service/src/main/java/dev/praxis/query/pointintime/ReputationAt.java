package dev.praxis.query.pointintime;

import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A community's reputation at a position, decided as the reputation projection decides it: the
 * shared {@link ReputationEngine} replays the community's inputs up to the position under the rules
 * in force then (the last {@link ReputationRulesChanged} at or before it, else the initial rules).
 * That is what the projection holds too: a rules change replays the earlier inputs under the new
 * rules, and later inputs apply one by one under them, which is the same sequence of steps.
 */
@Component
class ReputationAt {

    private static final Set<Class<?>> INPUTS_AND_RULES = inputsAndRules();

    private final EventHistory history;
    private final PointInTimeCache cache;
    private final ReputationEngine engine = new ReputationEngine();

    ReputationAt(EventHistory history, PointInTimeCache cache) {
        this.history = history;
        this.cache = cache;
    }

    /** {@code memberId -> reputation} for the members whose reputation in the community changed by then. */
    Map<String, Integer> totals(String communityId, long position) {
        return cache.get("reputation", communityId, position, () -> compute(communityId, position));
    }

    /** The member's reputation in the community then: {@link ReputationRules#BASE} before anything changed it. */
    int of(String communityId, String memberId, long position) {
        return totals(communityId, position).getOrDefault(memberId, ReputationRules.BASE);
    }

    private Map<String, Integer> compute(String communityId, long position) {
        ReputationRules rules = ReputationRules.initial();
        List<ReputationEngine.RecordedEvent> inputs = new ArrayList<>();
        for (HistoricEvent event : history.eventsOfCommunity(communityId, INPUTS_AND_RULES, position)) {
            if (event.payload() instanceof ReputationRulesChanged changed) {
                rules = changed.rules();
            } else {
                inputs.add(new ReputationEngine.RecordedEvent(event.eventId(), event.payload()));
            }
        }
        return Map.copyOf(engine.replay(communityId, rules, inputs).ledger().totals(communityId));
    }

    private static Set<Class<?>> inputsAndRules() {
        Set<Class<?>> types = new HashSet<>(ReputationEngine.INPUTS);
        types.add(ReputationRulesChanged.class);
        return Set.copyOf(types);
    }
}
