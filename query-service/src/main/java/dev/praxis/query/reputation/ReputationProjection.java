package dev.praxis.query.reputation;

import static dev.praxis.query.reputation.ReputationCollections.key;
import static dev.praxis.query.shared.AppliedEvents.upsertAllOnce;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityPrivilegeThresholdsChanged;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.reputation.ReputationCause;
import dev.praxis.api.reputation.ReputationChange;
import dev.praxis.api.reputation.ReputationEngine;
import dev.praxis.api.reputation.ReputationReason;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.api.reputation.ReputationRulesChanged;
import dev.praxis.api.shared.PraxisEvent;
import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.PendingWrites;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Reputation on the query side, decided by the same {@link ReputationEngine} as on the command side:
 * totals per member and community, a history in which every change names its event, leaderboards
 * per community and tag for the week, the month and all time, and the rules in force with every
 * version. For each event the engine's decision is stored first (with the event, in
 * {@code reputation_inputs}) and then applied by absolute writes, so a delivery twice or a replay
 * over existing models changes nothing. A rules change replays the community's stored inputs under
 * the new rules and replaces its ledger and boards; the difference per member enters the history as
 * a {@code RULES_CHANGED} change naming the rules event.
 */
@Component
@ProcessingGroup("reputation")
public class ReputationProjection {

    private final MongoTemplate mongo;
    private final ReputationEngine engine = new ReputationEngine();

    public ReputationProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        ensureIndexes();
    }

    /** The embedded server ignores secondary indexes; a real MongoDB needs these for the reads by field. */
    private void ensureIndexes() {
        index(ReputationCollections.TOTALS, "member", new Index().on("memberId", Sort.Direction.ASC));
        index(ReputationCollections.TOTALS, "community", new Index().on("communityId", Sort.Direction.ASC));
        index(ReputationCollections.CAUSES, "thread", new Index().on("communityId", Sort.Direction.ASC)
                .on("questionId", Sort.Direction.ASC));
        index(ReputationCollections.INPUTS, "community_order", new Index().on("communityId", Sort.Direction.ASC)
                .on("seq", Sort.Direction.ASC));
        index(ReputationCollections.HISTORY, "member_newest_first", new Index().on("memberId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        index(ReputationCollections.LEADERBOARD, "board_ranking", new Index().on("board", Sort.Direction.ASC)
                .on("points", Sort.Direction.DESC).on("memberId", Sort.Direction.ASC));
        index(ReputationCollections.LEADERBOARD, "community", new Index().on("communityId", Sort.Direction.ASC));
        index(ReputationCollections.VOTE_DAYS, "community", new Index().on("communityId", Sort.Direction.ASC));
        index(ReputationCollections.THREAD_TAGS, "community", new Index().on("communityId", Sort.Direction.ASC));
        index(ReputationCollections.RULE_VERSIONS, "community", new Index().on("communityId", Sort.Direction.ASC));
    }

    private void index(String collection, String name, Index index) {
        mongo.indexOps(collection).createIndex(index.named(name));
    }

    @EventHandler
    void on(PraxisEvent event, EventMessage<?> message) {
        if (!ReputationEngine.isInput(event)) {
            return;
        }
        String eventId = message.getIdentifier();
        // an event new to this projection cannot have been logged: no need to look
        boolean firstDelivery = DeliveryHorizon.firstDelivery();
        Document input = firstDelivery ? null : mongo.findById(eventId, Document.class, ReputationCollections.INPUTS);
        if (firstDelivery) {
            // a thread new to the projection has no causes yet: its votes need not look for earlier ones
            if (event instanceof QuestionAsked asked) {
                ReputationBatch.of(mongo).threadStarted(asked.communityId(), asked.questionId());
            } else if (event instanceof ArticlePublished published) {
                ReputationBatch.of(mongo).threadStarted(published.communityId(), published.articleId());
            }
        }
        ReputationOutcome outcome;
        if (input == null) {
            outcome = loggedWithOutcome(eventId, event, decide(eventId, event));
        } else if (input.getString("outcome") != null) {
            outcome = ReputationJson.read(input.getString("outcome"), ReputationOutcome.class);
        } else {
            outcome = decided(input, decide(eventId, event));
        }
        apply(eventId, outcome);
    }

    @EventHandler
    void on(ReputationRulesChanged event, EventMessage<?> message) {
        ReputationRules rules = event.rules();
        Document values = new Document();
        rules.values().forEach((rule, value) -> values.put(rule.name(), value));
        ReputationBatch.of(mongo).upsert(ReputationCollections.RULES, event.communityId(), new Update()
                .set("version", rules.version()).set("preset", rules.preset().name()).set("values", values)
                .set("since", event.occurredAt()));
        mongo.upsert(query(where("_id").is(key(event.communityId(), Integer.toString(rules.version())))), new Update()
                .set("communityId", event.communityId()).set("version", rules.version()).set("preset", rules.preset().name())
                .set("values", values).set("since", event.occurredAt()).set("eventId", message.getIdentifier())
                .set("changedBy", event.actorId()), ReputationCollections.RULE_VERSIONS);
        Document input = logged(message.getIdentifier(), event);
        ReputationOutcome outcome = input.getString("outcome") != null
                ? ReputationJson.read(input.getString("outcome"), ReputationOutcome.class)
                : decided(input, recompute(message.getIdentifier(), event, input.getLong("seq")));
        apply(message.getIdentifier(), outcome);
    }

    @EventHandler
    void on(CommunityCreated event) {
        PrivilegePreset preset = event.privilegePreset() == null ? PrivilegePreset.STACK_OVERFLOW : event.privilegePreset();
        Update update = new Update();
        preset.thresholds().forEach((privilege, threshold) -> update.set("thresholds." + privilege.name(), threshold));
        PendingWrites.upsert(mongo, query(where("_id").is(event.communityId())), update, ReputationCollections.THRESHOLDS);
    }

    @EventHandler
    void on(CommunityPrivilegeThresholdsChanged event) {
        Update update = new Update();
        event.thresholds().forEach((privilege, threshold) -> update.set("thresholds." + privilege.name(), threshold));
        PendingWrites.upsert(mongo, query(where("_id").is(event.communityId())), update, ReputationCollections.THRESHOLDS);
    }

    @ResetHandler
    void reset() {
        ReputationCollections.ALL.forEach(mongo::dropCollection);
    }

    /** The event's input, logged once with its place in the order (kept on a second delivery). */
    private Document logged(String eventId, PraxisEvent event) {
        Document input = mongo.findById(eventId, Document.class, ReputationCollections.INPUTS);
        return input != null ? input : insertInput(eventId, event, null).input();
    }

    /**
     * Logs the event's input together with the engine's decision, in one write before any of it is
     * applied; when the input was logged meanwhile, its stored decision wins.
     */
    private ReputationOutcome loggedWithOutcome(String eventId, PraxisEvent event, ReputationOutcome outcome) {
        LoggedInput logged = insertInput(eventId, event, outcome);
        if (!logged.before()) {
            return outcome; // stored just now with this decision: no need to read it back from its JSON
        }
        Document input = logged.input();
        return input.getString("outcome") != null
                ? ReputationJson.read(input.getString("outcome"), ReputationOutcome.class)
                : decided(input, outcome);
    }

    /** An event's input as stored, and whether it was logged before (by an earlier delivery) rather than just now. */
    private record LoggedInput(Document input, boolean before) {
    }

    /** Inserts the input with its place in the order (and the decision, when known); answers the stored one. */
    private LoggedInput insertInput(String eventId, PraxisEvent event, ReputationOutcome outcome) {
        Document input = new Document("_id", eventId)
                .append("communityId", communityOf(event))
                .append("seq", ReputationBatch.of(mongo).nextSeq())
                .append("type", event.getClass().getName())
                .append("event", ReputationJson.write(event));
        if (outcome != null) {
            input.append("outcome", ReputationJson.write(outcome));
        }
        if (DeliveryHorizon.firstDelivery()) {
            // new to the projection, so not logged before: the input goes with the batch's writes,
            // ahead of all of them, so that no effect of a decision reaches the server before it
            PendingWrites.insertAhead(mongo, input, ReputationCollections.INPUTS);
            return new LoggedInput(input, false);
        }
        try {
            mongo.insert(input, ReputationCollections.INPUTS);
            return new LoggedInput(input, false);
        } catch (DuplicateKeyException alreadyLogged) {
            return new LoggedInput(mongo.findById(eventId, Document.class, ReputationCollections.INPUTS), true);
        }
    }

    private ReputationOutcome decided(Document input, ReputationOutcome outcome) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(input.getString("_id"))),
                new Update().set("outcome", ReputationJson.write(outcome)), ReputationCollections.INPUTS);
        return outcome;
    }

    private ReputationOutcome decide(String eventId, PraxisEvent event) {
        MongoReputationLedger ledger = new MongoReputationLedger(ReputationBatch.of(mongo));
        List<ReputationChange> changes = engine.apply(eventId, event, ledger);
        return ledger.outcome(changes);
    }

    /** Replays the community's inputs before this event under the new rules. */
    private ReputationOutcome recompute(String eventId, ReputationRulesChanged event, long seq) {
        String c = event.communityId();
        List<ReputationEngine.RecordedEvent> history = new ArrayList<>();
        mongo.find(query(where("communityId").is(c).and("seq").lt(seq)).with(Sort.by("seq")), Document.class,
                ReputationCollections.INPUTS).forEach(input -> {
                    if (!input.getString("type").equals(ReputationRulesChanged.class.getName())) {
                        history.add(new ReputationEngine.RecordedEvent(input.getString("_id"), eventOf(input)));
                    }
                });
        ReputationEngine.Replay replay = engine.replay(c, event.rules(), history);
        var ledger = replay.ledger();

        Map<String, Integer> before = new TreeMap<>();
        mongo.find(query(where("communityId").is(c)), Document.class, ReputationCollections.TOTALS).forEach(d -> {
            if (d.get("total") != null) {
                before.put(d.getString("memberId"), d.getInteger("total"));
            }
        });
        Map<String, Integer> after = ledger.totals(c);
        List<ReputationChange> changes = new ArrayList<>();
        for (String member : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            int old = before.getOrDefault(member, ReputationRules.BASE);
            int now = after.getOrDefault(member, ReputationRules.BASE);
            if (old != now) {
                changes.add(new ReputationChange(c, member, eventId, ReputationRulesChanged.class.getSimpleName(), null, null,
                        ReputationReason.RULES_CHANGED, false, now - old, now - old, now, event.version(), List.of(),
                        event.occurredAt(), event.occurredAt()));
            }
        }
        Map<List<String>, Integer> boardPoints = new LinkedHashMap<>();
        for (ReputationChange change : replay.changes()) {
            for (String board : boardsOf(change)) {
                boardPoints.merge(List.of(board, change.memberId()), change.amount(), Integer::sum);
            }
        }
        List<ReputationOutcome.BoardPoints> boards = new ArrayList<>();
        boardPoints.forEach((k, points) -> boards.add(new ReputationOutcome.BoardPoints(k.get(0), c, k.get(1), points)));
        List<ReputationOutcome.Total> totals = new ArrayList<>();
        after.forEach((member, total) -> totals.add(new ReputationOutcome.Total(c, member, total)));
        List<ReputationOutcome.Total> editPoints = new ArrayList<>();
        ledger.editPoints(c).forEach((member, points) -> editPoints.add(new ReputationOutcome.Total(c, member, points)));
        List<ReputationOutcome.VoteDay> voteDays = new ArrayList<>();
        ledger.votePoints(c).forEach((k, points) -> voteDays.add(new ReputationOutcome.VoteDay(c, k.get(0), k.get(1), points)));
        List<ReputationOutcome.ThreadTags> tags = new ArrayList<>();
        ledger.tags(c).forEach((thread, threadTags) -> tags.add(new ReputationOutcome.ThreadTags(c, thread, threadTags)));
        return new ReputationOutcome(c, totals, editPoints, voteDays, tags, ledger.causes(c), List.of(), changes, boards);
    }

    /**
     * Writes the outcome; every write is absolute (or remembered per event), so applying it again
     * changes nothing. The writes go with the batch's ({@link ReputationBatch}): one ordered bulk
     * write per collection when the batch ends. The input with this outcome is already stored, so a
     * batch that fails half-way through its writes applies the same outcomes when it is handled again.
     */
    private void apply(String eventId, ReputationOutcome outcome) {
        ReputationBatch writes = ReputationBatch.of(mongo);
        String replaced = outcome.replacesCommunity();
        if (replaced != null) {
            for (String collection : List.of(ReputationCollections.TOTALS, ReputationCollections.VOTE_DAYS,
                    ReputationCollections.THREAD_TAGS, ReputationCollections.CAUSES, ReputationCollections.LEADERBOARD)) {
                mongo.remove(query(where("communityId").is(replaced)), collection);
                writes.forget(collection);
            }
        }
        outcome.totals().forEach(t -> writes.upsert(ReputationCollections.TOTALS, key(t.communityId(), t.memberId()),
                new Update().set("communityId", t.communityId()).set("memberId", t.memberId()).set("total", t.value())));
        outcome.editPoints().forEach(t -> writes.upsert(ReputationCollections.TOTALS, key(t.communityId(), t.memberId()),
                new Update().set("communityId", t.communityId()).set("memberId", t.memberId()).set("editPoints", t.value())));
        // a vote day's and a thread's tags document hold these fields and no others: the batch knows them whole
        outcome.voteDays().forEach(d -> writes.upsertWhole(ReputationCollections.VOTE_DAYS, key(d.communityId(), d.memberId(), d.day()),
                new Update().set("communityId", d.communityId()).set("memberId", d.memberId()).set("day", d.day())
                        .set("points", d.points())));
        outcome.tags().forEach(t -> writes.upsertWhole(ReputationCollections.THREAD_TAGS, key(t.communityId(), t.questionId()),
                new Update().set("communityId", t.communityId()).set("questionId", t.questionId()).set("tags", t.tags())));
        for (ReputationCause cause : outcome.causesPut()) {
            writes.upsertWhole(ReputationCollections.CAUSES, key(cause.communityId(), cause.key()), new Update()
                    .set("communityId", cause.communityId()).set("questionId", cause.questionId())
                    .set("cause", ReputationJson.write(cause)));
        }
        outcome.causesRemoved().forEach(id -> writes.remove(ReputationCollections.CAUSES, id));
        List<ReputationChange> changes = outcome.changes();
        for (int i = 0; i < changes.size(); i++) {
            writes.upsert(ReputationCollections.HISTORY, eventId + "#" + i, history(changes.get(i)));
        }
        if (replaced != null) {
            outcome.boards().forEach(b -> writes.upsert(ReputationCollections.LEADERBOARD, key(b.board(), b.memberId()),
                    new Update().set("board", b.board()).set("communityId", b.communityId()).set("memberId", b.memberId())
                            .set("points", b.points())));
        }
        if (replaced == null) {
            Map<List<String>, Integer> increments = new LinkedHashMap<>();
            for (ReputationChange change : changes) {
                for (String board : boardsOf(change)) {
                    increments.merge(List.of(board, change.communityId(), change.memberId()), change.amount(), Integer::sum);
                }
            }
            Map<String, Update> boards = new LinkedHashMap<>();
            increments.forEach((k, points) -> boards.put(key(k.get(0), k.get(2)), new Update().set("board", k.get(0))
                    .set("communityId", k.get(1)).set("memberId", k.get(2)).inc("points", points)));
            upsertAllOnce(mongo, ReputationCollections.LEADERBOARD, eventId, boards);
        }
    }

    private static Update history(ReputationChange change) {
        return new Update()
                .set("communityId", change.communityId())
                .set("memberId", change.memberId())
                .set("eventId", change.eventId())
                .set("eventType", change.eventType())
                .set("questionId", change.questionId())
                .set("postId", change.postId())
                .set("reason", change.reason().name())
                .set("reversal", change.reversal())
                .set("requested", change.requested())
                .set("amount", change.amount())
                .set("total", change.total())
                .set("rulesVersion", change.rulesVersion())
                .set("createdAt", Date.from(change.occurredAt()));
    }

    /** The boards a change counts on: its community's and its thread's tags', in the period it was earned. */
    static List<String> boardsOf(ReputationChange change) {
        if (change.reason() == ReputationReason.RULES_CHANGED || change.amount() == 0) {
            return List.of();
        }
        Instant earned = change.grantedAt();
        List<String> boards = new ArrayList<>();
        for (LeaderboardPeriod period : LeaderboardPeriod.values()) {
            boards.add(LeaderboardPeriod.board(change.communityId(), null, period, earned));
            for (String tag : change.tags()) {
                boards.add(LeaderboardPeriod.board(change.communityId(), tag, period, earned));
            }
        }
        return boards;
    }

    private static Object eventOf(Document input) {
        try {
            return ReputationJson.read(input.getString("event"), Class.forName(input.getString("type")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Unknown stored input type " + input.getString("type"), e);
        }
    }

    private static String communityOf(PraxisEvent event) {
        try {
            return (String) COMMUNITY_ACCESSOR.get(event.getClass()).invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each input event's {@code communityId} accessor, looked up once per event type rather than once per event. */
    private static final ClassValue<Method> COMMUNITY_ACCESSOR = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("communityId")) {
                    return component.getAccessor();
                }
            }
            throw new IllegalArgumentException(type.getSimpleName() + " names no community");
        }
    };

    private static <T> java.util.Set<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        java.util.Set<T> all = new java.util.LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
