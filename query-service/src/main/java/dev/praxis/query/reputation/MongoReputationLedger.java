package dev.praxis.query.reputation;

import static dev.praxis.query.reputation.ReputationCollections.key;

import dev.praxis.api.reputation.ReputationCause;
import dev.praxis.api.reputation.ReputationChange;
import dev.praxis.api.reputation.ReputationLedger;
import dev.praxis.api.reputation.ReputationPreset;
import dev.praxis.api.reputation.ReputationRule;
import dev.praxis.api.reputation.ReputationRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * The query side's {@link ReputationLedger}: it reads the reputation collections and keeps every
 * write in memory, so that the engine's decision for one event becomes a {@link ReputationOutcome}
 * that is stored before anything is written (see {@link ReputationProjection}).
 */
final class MongoReputationLedger implements ReputationLedger {

    private final ReputationBatch batch;
    private final Map<List<String>, Optional<Document>> storedTotals = new LinkedHashMap<>();
    private final Map<List<String>, Integer> totals = new LinkedHashMap<>();
    private final Map<List<String>, Integer> editPoints = new LinkedHashMap<>();
    private final Map<List<String>, Integer> voteDays = new LinkedHashMap<>();
    private final Map<List<String>, List<String>> tags = new LinkedHashMap<>();
    private final Map<List<String>, Optional<ReputationCause>> causes = new LinkedHashMap<>();
    private final Set<List<String>> removed = new LinkedHashSet<>();
    private final Set<List<String>> putCauses = new LinkedHashSet<>();
    /** what was set, in order: ["total"|"edit"|"day"|"tags", key parts...] */
    private final Set<List<String>> written = new LinkedHashSet<>();

    /** Reads through the batch's documents ({@link ReputationBatch}): each is read from the server once per batch. */
    MongoReputationLedger(ReputationBatch batch) {
        this.batch = batch;
    }

    @Override
    public ReputationRules rules(String communityId) {
        return rulesOf(batch.findById(ReputationCollections.RULES, communityId));
    }

    static ReputationRules rulesOf(Document rules) {
        if (rules == null) {
            return ReputationRules.initial();
        }
        Map<ReputationRule, Integer> values = new EnumMap<>(ReputationRule.class);
        rules.get("values", Document.class).forEach((rule, value) -> values.put(ReputationRule.valueOf(rule), (Integer) value));
        return new ReputationRules(rules.getInteger("version"), ReputationPreset.valueOf(rules.getString("preset")), values);
    }

    @Override
    public int total(String communityId, String memberId) {
        return totals.computeIfAbsent(List.of(communityId, memberId), k -> {
            Document total = storedTotals(communityId, memberId);
            return total == null || total.get("total") == null ? ReputationRules.BASE : total.getInteger("total");
        });
    }

    /** A member's stored totals document (total and edit points), read once per event. */
    private Document storedTotals(String communityId, String memberId) {
        return storedTotals.computeIfAbsent(List.of(communityId, memberId), k -> Optional.ofNullable(
                batch.findById(ReputationCollections.TOTALS, key(communityId, memberId)))).orElse(null);
    }

    @Override
    public void setTotal(String communityId, String memberId, int total) {
        totals.put(List.of(communityId, memberId), total);
        written.add(List.of("total", communityId, memberId));
    }

    @Override
    public int votePoints(String communityId, String memberId, LocalDate day) {
        return voteDays.computeIfAbsent(List.of(communityId, memberId, day.toString()), k -> {
            Document points = batch.findById(ReputationCollections.VOTE_DAYS, key(communityId, memberId, day.toString()));
            return points == null ? 0 : points.getInteger("points");
        });
    }

    @Override
    public void setVotePoints(String communityId, String memberId, LocalDate day, int points) {
        voteDays.put(List.of(communityId, memberId, day.toString()), points);
        written.add(List.of("day", communityId, memberId, day.toString()));
    }

    @Override
    public int editPoints(String communityId, String memberId) {
        return editPoints.computeIfAbsent(List.of(communityId, memberId), k -> {
            Document total = storedTotals(communityId, memberId);
            return total == null || total.get("editPoints") == null ? 0 : total.getInteger("editPoints");
        });
    }

    @Override
    public void setEditPoints(String communityId, String memberId, int points) {
        editPoints.put(List.of(communityId, memberId), points);
        written.add(List.of("edit", communityId, memberId));
    }

    @Override
    public List<String> tagsOf(String communityId, String questionId) {
        return tags.computeIfAbsent(List.of(communityId, questionId), k -> {
            Document thread = batch.findById(ReputationCollections.THREAD_TAGS, key(communityId, questionId));
            return thread == null ? List.of() : thread.getList("tags", String.class);
        });
    }

    @Override
    public void setTags(String communityId, String questionId, List<String> threadTags) {
        tags.put(List.of(communityId, questionId), List.copyOf(threadTags));
        written.add(List.of("tags", communityId, questionId));
    }

    @Override
    public Optional<ReputationCause> cause(String communityId, String key) {
        return causes.computeIfAbsent(List.of(communityId, key), k -> Optional.ofNullable(
                batch.findById(ReputationCollections.CAUSES, key(communityId, key))).map(MongoReputationLedger::cause));
    }

    /** A cause of a thread that started in this batch is known without a read: there is none but the batch's own. */
    @Override
    public Optional<ReputationCause> causeInThread(String communityId, String threadId, String key) {
        List<String> id = List.of(communityId, key);
        if (!causes.containsKey(id)) {
            Optional<Document> known = batch.causeOfKnownThread(communityId, threadId, key(communityId, key));
            if (known != null) {
                causes.put(id, known.map(MongoReputationLedger::cause));
            }
        }
        return cause(communityId, key);
    }

    @Override
    public List<ReputationCause> causesOfThread(String communityId, String questionId) {
        Map<String, ReputationCause> found = new LinkedHashMap<>();
        batch.causesOfThread(communityId, questionId).forEach(d -> {
            ReputationCause stored = cause(d);
            causes.putIfAbsent(List.of(communityId, stored.key()), Optional.of(stored));
        });
        // what this event already changed wins over what is stored
        causes.forEach((k, cause) -> {
            if (k.get(0).equals(communityId)) {
                cause.filter(c -> questionId.equals(c.questionId())).ifPresent(c -> found.put(c.key(), c));
            }
        });
        return new ArrayList<>(found.values());
    }

    @Override
    public void putCause(ReputationCause cause) {
        List<String> k = List.of(cause.communityId(), cause.key());
        causes.put(k, Optional.of(cause));
        removed.remove(k);
        putCauses.add(k);
    }

    @Override
    public void removeCause(String communityId, String key) {
        List<String> k = List.of(communityId, key);
        causes.put(k, Optional.empty());
        removed.add(k);
        putCauses.remove(k);
    }

    /** The writes this ledger collected, with the changes the engine answered, as an outcome to store and apply. */
    ReputationOutcome outcome(List<ReputationChange> changes) {
        List<ReputationOutcome.Total> newTotals = new ArrayList<>();
        List<ReputationOutcome.Total> newEditPoints = new ArrayList<>();
        List<ReputationOutcome.VoteDay> newVoteDays = new ArrayList<>();
        List<ReputationOutcome.ThreadTags> newTags = new ArrayList<>();
        for (List<String> write : written) {
            switch (write.get(0)) {
                case "total" -> newTotals.add(new ReputationOutcome.Total(write.get(1), write.get(2),
                        totals.get(write.subList(1, 3))));
                case "edit" -> newEditPoints.add(new ReputationOutcome.Total(write.get(1), write.get(2),
                        editPoints.get(write.subList(1, 3))));
                case "day" -> newVoteDays.add(new ReputationOutcome.VoteDay(write.get(1), write.get(2), write.get(3),
                        voteDays.get(write.subList(1, 4))));
                default -> newTags.add(new ReputationOutcome.ThreadTags(write.get(1), write.get(2),
                        tags.get(write.subList(1, 3))));
            }
        }
        List<ReputationCause> put = new ArrayList<>();
        putCauses.forEach(k -> causes.get(k).ifPresent(put::add));
        List<String> gone = removed.stream().map(k -> key(k.get(0), k.get(1))).toList();
        return new ReputationOutcome(null, newTotals, newEditPoints, newVoteDays, newTags, put, gone, changes, List.of());
    }

    static ReputationCause cause(Document document) {
        return ReputationJson.read(document.getString("cause"), ReputationCause.class);
    }
}
