package dev.praxis.query.reputation;

import static dev.praxis.query.reputation.ReputationCollections.key;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.LeaderboardEntryView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.ReputationChangeView;
import dev.praxis.api.query.ReputationRulesView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationReason;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reputation reads: members' figures, their history, leaderboards, privileges and the rules. A
 * private community's figures are shown only to its current members ({@link ReadAccess}).
 */
@RestController
public class ReputationQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final ReadAccess access;
    private final ReputationTotals totals;
    private final Clock clock = Clock.systemUTC();

    public ReputationQueries(MongoTemplate mongo, ReadConsistency consistency, ReadAccess access, ReputationTotals totals) {
        this.mongo = mongo;
        this.consistency = consistency;
        this.access = access;
        this.totals = totals;
    }

    @PostMapping("/reputation/batch")
    public List<ReputationView> reputations(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                            @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        List<String> ids = Pages.checkedIds(batch);
        Map<String, Map<String, Integer>> byMember = totals.ofMembers(ids);
        Set<String> hidden = access.unreadablePrivateCommunities(viewer);
        return ids.stream().distinct().map(id -> {
            List<ReputationView.CommunityReputationView> communities = byMember.getOrDefault(id, Map.of()).entrySet().stream()
                    .filter(e -> !hidden.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> new ReputationView.CommunityReputationView(e.getKey(), e.getValue())).toList();
            int total = ReputationRules.BASE + communities.stream().mapToInt(c -> c.reputation() - ReputationRules.BASE).sum();
            return new ReputationView(id, total, communities);
        }).toList();
    }

    @GetMapping("/members/{id}/reputation-history")
    public Page<ReputationChangeView> history(@PathVariable String id, @RequestParam(required = false) String communityId,
                                              @RequestParam(required = false) Integer first,
                                              @RequestParam(required = false) String after,
                                              @RequestParam(required = false) String viewer,
                                              @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        Criteria filter = where("memberId").is(id);
        if (communityId != null) {
            readable(communityId, viewer);
            filter = new Criteria().andOperator(filter, where("communityId").is(communityId));
        } else {
            filter = access.readable(filter, "communityId", viewer);
        }
        long count = mongo.count(query(filter), ReputationCollections.HISTORY);
        return Pages.newestFirst(mongo, Document.class, ReputationCollections.HISTORY, filter, first, after, count,
                d -> d.getDate("createdAt").toInstant(), d -> d.getString("_id"), ReputationQueries::change);
    }

    @GetMapping("/communities/{id}/leaderboard")
    public Page<LeaderboardEntryView> leaderboard(@PathVariable String id,
                                                  @RequestParam(required = false) LeaderboardPeriod period,
                                                  @RequestParam(required = false) String tag,
                                                  @RequestParam(required = false) String at,
                                                  @RequestParam(required = false) Integer first,
                                                  @RequestParam(required = false) String after,
                                                  @RequestParam(required = false) String viewer,
                                                  @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        readable(id, viewer);
        int size = Pages.checkedPageSize(first);
        Instant when = at == null ? clock.instant() : instant(at);
        String board = LeaderboardPeriod.board(id, tag == null || tag.isBlank() ? null : tag.trim().toLowerCase(),
                period == null ? LeaderboardPeriod.ALL_TIME : period, when);
        Criteria onBoard = where("board").is(board).and("points").gt(0);
        Criteria filter = onBoard;
        if (after != null && !after.isBlank()) {
            LeaderboardCursor cursor = LeaderboardCursor.decode(after);
            filter = new Criteria().andOperator(onBoard, below(cursor));
        }
        List<Document> entries = mongo.find(Query.query(filter)
                .with(Sort.by(Sort.Order.desc("points"), Sort.Order.asc("memberId"))).limit(size + 1),
                Document.class, ReputationCollections.LEADERBOARD);
        boolean hasNext = entries.size() > size;
        List<Document> page = hasNext ? entries.subList(0, size) : entries;
        long total = mongo.count(Query.query(onBoard), ReputationCollections.LEADERBOARD);
        List<LeaderboardEntryView> views = new ArrayList<>();
        if (!page.isEmpty()) {
            Document top = page.get(0);
            // the rank of the page's first entry: those strictly ahead of it on the board, plus one
            int rank = (int) mongo.count(Query.query(new Criteria().andOperator(onBoard,
                    new Criteria().orOperator(where("points").gt(top.getInteger("points")), new Criteria().andOperator(
                            where("points").is(top.getInteger("points")), where("memberId").lt(top.getString("memberId")))))),
                    ReputationCollections.LEADERBOARD) + 1;
            for (Document entry : page) {
                views.add(new LeaderboardEntryView(rank++, entry.getString("memberId"), entry.getInteger("points")));
            }
        }
        String endCursor = page.isEmpty() ? null : new LeaderboardCursor(page.get(page.size() - 1).getInteger("points"),
                page.get(page.size() - 1).getString("memberId")).encode();
        return new Page<>(views, endCursor, hasNext, total);
    }

    @GetMapping("/communities/{id}/privileges")
    public CommunityPrivilegesView privileges(@PathVariable String id, @RequestParam String member,
                                              @RequestParam(required = false) String viewer,
                                              @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        readable(id, viewer);
        int reputation = totals.of(id, member);
        CommunityRole role = access.roleOf(id, member).orElse(null);
        Document stored = mongo.findById(id, Document.class, ReputationCollections.THRESHOLDS);
        Document thresholds = stored == null ? new Document() : stored.get("thresholds", Document.class);
        boolean staff = role == CommunityRole.OWNER || role == CommunityRole.MODERATOR;
        List<CommunityPrivilegesView.PrivilegeView> privileges = new ArrayList<>();
        for (Privilege privilege : Privilege.values()) {
            Integer threshold = thresholds.getInteger(privilege.name(), privilege.stackOverflowThreshold());
            boolean ungated = threshold == PrivilegePreset.UNGATED;
            boolean held = role != null && (staff || ungated || reputation >= threshold);
            privileges.add(new CommunityPrivilegesView.PrivilegeView(privilege, ungated ? null : threshold, held));
        }
        return new CommunityPrivilegesView(id, member, reputation, role, privileges);
    }

    @GetMapping("/communities/{id}/reputation-rules")
    public List<ReputationRulesView> rules(@PathVariable String id, @RequestParam(required = false) String viewer,
                                           @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        readable(id, viewer);
        List<ReputationRulesView> versions = new ArrayList<>(mongo.find(query(where("communityId").is(id)), Document.class,
                ReputationCollections.RULE_VERSIONS).stream().map(d -> {
                    Map<ReputationRule, Integer> values = new EnumMap<>(ReputationRule.class);
                    d.get("values", Document.class).forEach((rule, value) -> values.put(ReputationRule.valueOf(rule), (Integer) value));
                    return new ReputationRulesView(id, d.getInteger("version"), ReputationPreset.valueOf(d.getString("preset")),
                            values, d.getDate("since").toInstant(), d.getString("changedBy"));
                }).toList());
        ReputationRules initial = ReputationRules.initial();
        versions.add(new ReputationRulesView(id, initial.version(), initial.preset(), initial.values(), null, null));
        versions.sort(Comparator.comparingInt(ReputationRulesView::version).reversed());
        return versions;
    }

    private void readable(String communityId, String viewer) {
        if (!access.canRead(communityId, viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community with id " + communityId + ".");
        }
    }

    private static Criteria below(LeaderboardCursor cursor) {
        return new Criteria().orOperator(where("points").lt(cursor.points()), new Criteria().andOperator(
                where("points").is(cursor.points()), where("memberId").gt(cursor.memberId())));
    }

    private static Instant instant(String at) {
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw QueryRejectedException.invalid("INVALID_INSTANT", "`at` is an ISO-8601 instant, e.g. 2026-03-02T00:00:00Z.");
        }
    }

    private static ReputationChangeView change(Document d) {
        return new ReputationChangeView(d.getString("_id"), d.getString("communityId"), d.getString("memberId"),
                d.getString("eventId"), d.getString("eventType"), d.getString("questionId"), d.getString("postId"),
                ReputationReason.valueOf(d.getString("reason")), d.getBoolean("reversal", false), d.getInteger("requested"),
                d.getInteger("amount"), d.getInteger("total"), d.getInteger("rulesVersion"), d.getDate("createdAt").toInstant());
    }
}
