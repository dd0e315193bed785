package dev.praxis.query.replay;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReputationComparisonView;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.api.shared.MessageJson;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community's reputation under other rules, beside the current figures, without changing anything:
 * the {@link ReputationEngine} (the one both sides score with) replays the community's whole
 * reputation history, as the reputation projection logged it ({@code reputation_inputs}), under the
 * proposed rules, and each member's proposed total stands beside their current one. Rules changes in
 * the history are left out: the proposed rules apply from the first event. The largest differences
 * come first (by absolute value, then by member id).
 *
 * <p>For the community's owner and moderators, and for auditors ({@code viewerRole=auditor}); anyone
 * else who may read the community gets 403 {@code NOT_A_MODERATOR}, anyone who may not 404.
 */
@RestController
public class ReputationComparison {

    static final String INPUTS = "reputation_inputs";
    static final String TOTALS = "reputation_totals";
    static final String RULES = "reputation_rules";
    private static final ObjectMapper JSON = MessageJson.storageMapper();

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;
    private final ReputationEngine engine = new ReputationEngine();

    public ReputationComparison(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities,
                                ReadAccess access) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    /**
     * @param preset the preset the proposed rules start from (the community's current one when left out)
     * @param rule single values on top, each {@code RULE:value} (DOWNVOTE_RECEIVED:0)
     */
    @GetMapping("/communities/{communityId}/reputation-comparison")
    public Page<ReputationComparisonView> compare(@PathVariable String communityId,
                                                  @RequestParam(required = false) ReputationPreset preset,
                                                  @RequestParam(name = "rule", required = false) List<String> rule,
                                                  @RequestParam(required = false) Integer first,
                                                  @RequestParam(required = false) String after,
                                                  @RequestParam(required = false) String viewer,
                                                  @RequestParam(required = false) String viewerRole,
                                                  @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        boolean auditor = "auditor".equals(viewerRole);
        if (auditor) {
            communities.find(communityId).orElseThrow(() -> QueryRejectedException.notFound("UNKNOWN_COMMUNITY",
                    "There is no community " + communityId + "."));
        } else {
            communities.readable(communityId, viewer);
            if (!access.moderates(communityId, viewer)) {
                throw new QueryRejectedException(403, "FORBIDDEN", "NOT_A_MODERATOR",
                        "Only the community's owner and moderators, and auditors, can compare its reputation under other rules.");
            }
        }
        int size = Pages.checkedPageSize(first);
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after);
        ReputationRules proposed = proposedRules(communityId, preset, rule);

        List<ReputationComparisonView> all = comparison(communityId, proposed);
        List<ReputationComparisonView> rest = cursor == null ? all
                : all.stream().filter(view -> ORDER.compare(view, cursor.asView()) > 0).toList();
        boolean hasNext = rest.size() > size;
        List<ReputationComparisonView> page = hasNext ? rest.subList(0, size) : rest;
        String endCursor = page.isEmpty() ? null : Cursor.of(page.get(page.size() - 1)).encode();
        return new Page<>(page, endCursor, hasNext, all.size());
    }

    /** Largest difference first, then by member id: a stable order for the cursor. */
    static final Comparator<ReputationComparisonView> ORDER = Comparator
            .comparingInt((ReputationComparisonView v) -> -Math.abs(v.difference()))
            .thenComparing(ReputationComparisonView::memberId);

    /** Every member with a reputation in the community, current beside proposed. */
    List<ReputationComparisonView> comparison(String communityId, ReputationRules proposed) {
        List<ReputationEngine.RecordedEvent> history = new ArrayList<>();
        mongo.find(query(where("communityId").is(communityId)).with(Sort.by("seq")), Document.class, INPUTS)
                .forEach(input -> {
                    if (!ReputationRulesChanged.class.getName().equals(input.getString("type"))) {
                        history.add(new ReputationEngine.RecordedEvent(input.getString("_id"), eventOf(input)));
                    }
                });
        Map<String, Integer> after = engine.replay(communityId, proposed, history).ledger().totals(communityId);
        Map<String, Integer> before = new TreeMap<>();
        mongo.find(query(where("communityId").is(communityId)), Document.class, TOTALS).forEach(d -> {
            if (d.get("total") != null) {
                before.put(d.getString("memberId"), d.getInteger("total"));
            }
        });
        TreeSet<String> members = new TreeSet<>(before.keySet());
        members.addAll(after.keySet());
        List<ReputationComparisonView> views = new ArrayList<>();
        for (String member : members) {
            int current = before.getOrDefault(member, ReputationRules.BASE);
            int now = after.getOrDefault(member, ReputationRules.BASE);
            views.add(new ReputationComparisonView(member, current, now, now - current));
        }
        views.sort(ORDER);
        return views;
    }

    private ReputationRules proposedRules(String communityId, ReputationPreset preset, List<String> rules) {
        Document current = mongo.findById(communityId, Document.class, RULES);
        int version = current == null ? 1 : current.getInteger("version", 1);
        ReputationPreset base = preset != null ? preset
                : current == null ? ReputationPreset.STACK_OVERFLOW : ReputationPreset.valueOf(current.getString("preset"));
        Map<ReputationRule, Integer> values = new EnumMap<>(ReputationRule.class);
        if (preset == null && current != null && current.get("values") instanceof Document stored) {
            stored.forEach((name, value) -> values.put(ReputationRule.valueOf(name), ((Number) value).intValue()));
        }
        for (String entry : rules == null ? List.<String>of() : rules) {
            String[] parts = entry.split(":", 2);
            ReputationRule rule;
            int value;
            try {
                rule = ReputationRule.valueOf(parts[0].strip());
                value = Integer.parseInt(parts[1].strip());
            } catch (RuntimeException e) {
                throw QueryRejectedException.invalid("INVALID_RULE", "A rule is given as RULE:value (DOWNVOTE_RECEIVED:0), not '"
                        + entry + "'.");
            }
            if (!rule.allows(value)) {
                throw QueryRejectedException.invalid("RULE_OUT_OF_RANGE", rule + " must lie between " + rule.min()
                        + " and " + rule.max() + ".");
            }
            values.put(rule, value);
        }
        return new ReputationRules(version + 1, base, values);
    }

    private static Object eventOf(Document input) {
        try {
            return JSON.readValue(input.getString("event"), Class.forName(input.getString("type")));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the stored reputation input " + input.getString("_id"), e);
        }
    }

    /** The place of a member in the order: their absolute difference and id. */
    record Cursor(int absoluteDifference, String memberId) {

        static Cursor of(ReputationComparisonView view) {
            return new Cursor(Math.abs(view.difference()), view.memberId());
        }

        ReputationComparisonView asView() {
            return new ReputationComparisonView(memberId, 0, absoluteDifference, absoluteDifference);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((absoluteDifference + ":" + memberId).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", 2);
                if (parts[1].isEmpty()) {
                    throw new IllegalArgumentException("empty id");
                }
                return new Cursor(Integer.parseInt(parts[0]), parts[1]);
            } catch (RuntimeException e) {
                throw new QueryRejectedException(400, "INVALID_INPUT", "INVALID_CURSOR", "The cursor is not one this API gave out.");
            }
        }
    }
}
