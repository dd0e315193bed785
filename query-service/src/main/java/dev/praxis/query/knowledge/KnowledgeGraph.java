package dev.praxis.query.knowledge;

import dev.praxis.query.shared.Exists;
import static dev.praxis.query.knowledge.KnowledgeCollections.CONTRIBUTIONS;
import static dev.praxis.query.knowledge.KnowledgeCollections.COOCCURRENCE;
import static dev.praxis.query.knowledge.KnowledgeCollections.EXPERTISE;
import static dev.praxis.query.knowledge.KnowledgeCollections.PARTICIPATION;
import static dev.praxis.query.knowledge.KnowledgeCollections.SYNONYMS;
import static dev.praxis.query.knowledge.KnowledgeCollections.THREADS;
import static dev.praxis.query.knowledge.KnowledgeCollections.topicId;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.ExpertSuggestionView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.KnowledgeConnectionView;
import dev.praxis.api.query.KnowledgeEdgeView;
import dev.praxis.api.query.KnowledgeEvidenceView;
import dev.praxis.api.query.KnowledgeNodeView;
import dev.praxis.api.query.KnowledgeRelatedTopicView;
import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.lang.Nullable;

/**
 * The questions asked of the knowledge graph. Every read goes by key or by an index declared in
 * {@link KnowledgeProjection}, and never shows a private community's nodes or evidence to a
 * non-member ({@link ReadAccess}).
 */
public class KnowledgeGraph {

    /** How many members of each topic are ranked: the head of the index on S. */
    static final int CANDIDATES_PER_TOPIC = 200;
    /** How many candidates per tag a suggestion considers, by expertise and by recent activity each. */
    static final int SUGGESTION_CANDIDATES = 25;
    /** Neighbours of a node followed when looking for a connection. */
    static final int FAN_OUT = 25;
    static final int MAX_TOPICS = 5;
    static final int MAX_EVIDENCE = 20;
    static final int DEFAULT_EVIDENCE = 5;
    /** Recent activity in a tag counts 1 today and halves every 14 days. */
    static final Duration ACTIVITY_HALF_LIFE = Duration.ofDays(14);

    private final MongoTemplate mongo;
    private final ReadAccess access;
    private final Decay decay;
    private final Clock clock;

    public KnowledgeGraph(MongoTemplate mongo, ReadAccess access, Decay decay, Clock clock) {
        this.mongo = mongo;
        this.access = access;
        this.decay = decay;
        this.clock = clock;
    }

    // --- experts of topics ---

    /** The experts of one or more topics of a community, ranked by the sum of their scores, each with the evidence behind it. */
    public Page<ExpertView> experts(String communityId, List<String> topicNames, @Nullable String viewer, Integer first,
                                    String after, Integer evidence) {
        int size = Pages.checkedPageSize(first);
        int offset = RankCursor.decode(after);
        int evidenceLimit = evidenceLimit(evidence);
        requireReadable(communityId, viewer);
        List<String> topics = resolve(communityId, checkedTopics(topicNames));
        Instant now = clock.instant();

        Set<String> candidates = new LinkedHashSet<>();
        for (String topic : topics) {
            mongo.find(query(where("communityId").is(communityId).and("topic").is(topic).and("s").gt(0.0))
                            .with(Sort.by(Sort.Order.desc("s"))).limit(CANDIDATES_PER_TOPIC), Document.class, EXPERTISE)
                    .forEach(d -> candidates.add(d.getString("memberId")));
        }
        Map<String, List<Document>> byMember = expertiseOf(communityId, topics, candidates);
        List<Map.Entry<String, Double>> ranked = byMember.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().stream().mapToDouble(d -> positive(d.getDouble("s"))).sum()))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
        return page(ranked, offset, size, entry -> new ExpertView(entry.getKey(), communityId,
                decay.scoreAt(entry.getValue(), now),
                byMember.get(entry.getKey()).stream().filter(d -> d.getDouble("s") > 0)
                        .map(d -> expertise(d, evidenceLimit, now)).toList()));
    }

    // --- who should answer a question ---

    /**
     * Members who should answer the question: by their expertise in its tags and their recent
     * activity there; never the asker nor a member who answered it already, only current members
     * of its community.
     */
    public Page<ExpertSuggestionView> suggestedAnswerers(String questionId, @Nullable String viewer, Integer first,
                                                         String after) {
        int size = Pages.checkedPageSize(first);
        int offset = RankCursor.decode(after);
        Document thread = mongo.findOne(AppliedEvents.byIdWithoutEventIds(questionId), Document.class, THREADS);
        if (thread == null) {
            throw QueryRejectedException.notFound("UNKNOWN_QUESTION", "There is no question " + questionId + ".");
        }
        String communityId = thread.getString("communityId");
        requireReadable(communityId, viewer);
        Instant now = clock.instant();
        List<String> tags = resolve(communityId, thread.getList("tags", String.class));
        Set<String> excluded = new java.util.HashSet<>();
        excluded.add(thread.getString("askerId"));
        Document answers = thread.get("answers", Document.class);
        if (answers != null) {
            answers.values().forEach(a -> excluded.add(((Document) a).getString("authorId")));
        }

        Set<String> candidates = new LinkedHashSet<>();
        for (String tag : tags) {
            Criteria ofTag = where("communityId").is(communityId).and("topic").is(tag);
            mongo.find(query(ofTag).with(Sort.by(Sort.Order.desc("s"))).limit(SUGGESTION_CANDIDATES), Document.class, EXPERTISE)
                    .forEach(d -> candidates.add(d.getString("memberId")));
            mongo.find(query(where("communityId").is(communityId).and("topic").is(tag).and("lastActiveAt").ne(null))
                            .with(Sort.by(Sort.Order.desc("lastActiveAt"))).limit(SUGGESTION_CANDIDATES), Document.class,
                    EXPERTISE).forEach(d -> candidates.add(d.getString("memberId")));
        }
        candidates.removeAll(excluded);
        Map<String, List<Document>> byMember = expertiseOf(communityId, tags, candidates);
        List<ExpertSuggestionView> ranked = new ArrayList<>();
        byMember.forEach((memberId, docs) -> {
            double expertise = docs.stream().mapToDouble(d -> positive(decay.scoreAt(d.getDouble("s"), now))).sum();
            double recent = 0;
            Instant lastActive = null;
            for (Document d : docs) {
                if (d.getDate("lastActiveAt") != null) {
                    Instant at = d.getDate("lastActiveAt").toInstant();
                    recent += Math.pow(2, -(double) Duration.between(at, now).toMillis() / ACTIVITY_HALF_LIFE.toMillis());
                    lastActive = lastActive == null || at.isAfter(lastActive) ? at : lastActive;
                }
            }
            if (expertise + recent > 0) {
                // the evidence is read for the page only, below
                ranked.add(new ExpertSuggestionView(memberId, questionId, expertise + recent, expertise, recent, lastActive,
                        List.of()));
            }
        });
        ranked.sort(Comparator.comparingDouble(ExpertSuggestionView::score).reversed()
                .thenComparing(ExpertSuggestionView::memberId));
        // membership is checked in rank order, only as far as the page needs
        List<ExpertSuggestionView> members = new ArrayList<>();
        boolean more = false;
        for (ExpertSuggestionView suggestion : ranked) {
            if (access.roleOf(communityId, suggestion.memberId()).isEmpty()) {
                continue;
            }
            if (members.size() == offset + size) {
                more = true;
                break;
            }
            members.add(suggestion);
        }
        List<ExpertSuggestionView> items = (offset >= members.size() ? List.<ExpertSuggestionView>of()
                : members.subList(offset, members.size())).stream()
                .map(m -> new ExpertSuggestionView(m.memberId(), m.questionId(), m.score(), m.expertise(), m.recentActivity(),
                        m.lastActiveAt(), byMember.get(m.memberId()).stream().map(d -> expertise(d, 3, now)).toList()))
                .toList();
        return new Page<>(items, items.isEmpty() ? null : RankCursor.encode(offset + items.size()), more,
                members.size() + (more ? 1 : 0));
    }

    // --- related topics ---

    /** Topics that appear on questions together with this one, the most frequent first. */
    public Page<KnowledgeRelatedTopicView> relatedTopics(String communityId, String topicName, @Nullable String viewer,
                                                         Integer first, String after) {
        int size = Pages.checkedPageSize(first);
        int offset = RankCursor.decode(after);
        requireReadable(communityId, viewer);
        String topic = resolve(communityId, checkedTopics(List.of(topicName))).get(0);
        Criteria criteria = where("communityId").is(communityId).and("topic").is(topic).and("count").gt(0);
        long total = mongo.count(query(criteria), COOCCURRENCE);
        List<Document> docs = mongo.find(query(criteria)
                .with(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("related"))).skip(offset).limit(size + 1),
                Document.class, COOCCURRENCE);
        boolean more = docs.size() > size;
        List<KnowledgeRelatedTopicView> items = docs.stream().limit(size).map(d -> new KnowledgeRelatedTopicView(communityId,
                d.getString("related"), topic, ((Number) d.get("count")).longValue())).toList();
        return new Page<>(items, items.isEmpty() ? null : RankCursor.encode(offset + items.size()), more, total);
    }

    // --- a member's expertise profile ---

    /** What a member knows, across the communities the viewer may read, the strongest first. */
    public Page<ExpertiseView> expertiseProfile(String memberId, @Nullable String viewer, Integer first, String after,
                                                Integer evidence) {
        int size = Pages.checkedPageSize(first);
        int offset = RankCursor.decode(after);
        int evidenceLimit = evidenceLimit(evidence);
        Instant now = clock.instant();
        Criteria criteria = access.readable(where("memberId").is(memberId).and("s").gt(0.0), "communityId", viewer);
        long total = mongo.count(query(criteria), EXPERTISE);
        List<Document> docs = mongo.find(query(criteria).with(Sort.by(Sort.Order.desc("s"), Sort.Order.asc("_id")))
                .skip(offset).limit(size + 1), Document.class, EXPERTISE);
        boolean more = docs.size() > size;
        List<ExpertiseView> items = docs.stream().limit(size).map(d -> expertise(d, evidenceLimit, now)).toList();
        return new Page<>(items, items.isEmpty() ? null : RankCursor.encode(offset + items.size()), more, total);
    }

    // --- how two members are connected ---

    /**
     * A shortest path (two or four edges) between two members through the topics they know and
     * the threads they wrote in, within the communities the viewer may read; where several paths
     * are as short, the one whose weakest edge is strongest.
     */
    public Optional<KnowledgeConnectionView> connection(String fromId, String toId, @Nullable String viewer) {
        if (fromId == null || toId == null || fromId.isBlank() || toId.isBlank()) {
            throw QueryRejectedException.invalid("MISSING_MEMBER", "Name the two members to connect.");
        }
        if (fromId.equals(toId)) {
            throw QueryRejectedException.invalid("SAME_MEMBER", "A connection joins two different members.");
        }
        Instant now = clock.instant();
        Criteria readable = access.readableBy("communityId", viewer);
        Map<String, Hop> fromHops = neighbours(fromId, readable, now);
        Map<String, Hop> toHops = neighbours(toId, readable, now);

        Path best = null;
        for (Map.Entry<String, Hop> shared : fromHops.entrySet()) {
            Hop back = toHops.get(shared.getKey());
            if (back != null) {
                best = Path.better(best, new Path(List.of(shared.getValue(), back), null));
            }
        }
        if (best == null) {
            best = viaOneMember(fromId, toId, fromHops, toHops, readable, now);
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(best.view(fromId, toId, this, now));
    }

    private Path viaOneMember(String fromId, String toId, Map<String, Hop> fromHops, Map<String, Hop> toHops,
                              Criteria readable, Instant now) {
        // from's topics and threads lead to their members ...
        Map<String, Hop> reachedThrough = new LinkedHashMap<>();
        for (Hop hop : fromHops.values()) {
            for (Hop member : membersOf(hop, readable, now)) {
                if (!member.memberId().equals(fromId) && !member.memberId().equals(toId)) {
                    reachedThrough.merge(member.memberId() + "\u0000" + hop.nodeId(), member, (a, b) -> a);
                }
            }
        }
        if (reachedThrough.isEmpty() || toHops.isEmpty()) {
            return null;
        }
        Set<String> middle = new LinkedHashSet<>();
        reachedThrough.values().forEach(h -> middle.add(h.memberId()));
        // ... and one query per kind asks which of those members touch one of to's topics and threads
        List<Hop> closing = new ArrayList<>();
        List<Criteria> topicClauses = toHops.values().stream().filter(h -> h.kind().equals("EXPERTISE"))
                .map(h -> where("communityId").is(h.communityId()).and("topic").is(h.name())).toList();
        if (!topicClauses.isEmpty()) {
            mongo.find(query(new Criteria().andOperator(where("memberId").in(middle).and("s").gt(0.0), readable,
                            new Criteria().orOperator(topicClauses.toArray(Criteria[]::new)))), Document.class, EXPERTISE)
                    .forEach(d -> closing.add(Hop.expertise(d, decay, now)));
        }
        List<String> toThreads = toHops.values().stream().filter(h -> h.kind().equals("PARTICIPATION"))
                .map(Hop::nodeId).toList();
        if (!toThreads.isEmpty()) {
            Map<String, String> titles = new HashMap<>();
            toHops.values().stream().filter(h -> h.kind().equals("PARTICIPATION")).forEach(h -> titles.put(h.nodeId(), h.name()));
            mongo.find(query(new Criteria().andOperator(where("memberId").in(middle).and("questionId").in(toThreads), readable)),
                    Document.class, PARTICIPATION).forEach(d -> closing.add(Hop.participation(d, titles)));
        }
        Path best = null;
        for (Hop closer : closing) {
            for (Hop first : fromHops.values()) {
                Hop toMiddle = reachedThrough.get(closer.memberId() + "\u0000" + first.nodeId());
                Hop last = toHops.get(closer.nodeId());
                if (toMiddle != null && last != null && !first.nodeId().equals(closer.nodeId())) {
                    best = Path.better(best, new Path(List.of(first, toMiddle, closer, last), closer.memberId()));
                }
            }
        }
        return best;
    }

    /** The topics a member knows and the threads they wrote in, the strongest first, within what the viewer may read. */
    private Map<String, Hop> neighbours(String memberId, Criteria readable, Instant now) {
        Map<String, Hop> hops = new LinkedHashMap<>();
        mongo.find(query(new Criteria().andOperator(where("memberId").is(memberId).and("s").gt(0.0), readable))
                        .with(Sort.by(Sort.Order.desc("s"))).limit(FAN_OUT), Document.class, EXPERTISE)
                .forEach(d -> hops.put(topicId(d.getString("communityId"), d.getString("topic")), Hop.expertise(d, decay, now)));
        List<Document> threads = mongo.find(query(new Criteria().andOperator(where("memberId").is(memberId), readable))
                .with(Sort.by(Sort.Order.desc("lastAt"))).limit(FAN_OUT), Document.class, PARTICIPATION);
        Map<String, String> titles = threadTitles(threads);
        threads.stream().filter(d -> titles.containsKey(d.getString("questionId")))
                .forEach(d -> hops.put(d.getString("questionId"), Hop.participation(d, titles)));
        return hops;
    }

    private List<Hop> membersOf(Hop node, Criteria readable, Instant now) {
        if (node.kind().equals("EXPERTISE")) {
            return mongo.find(query(where("communityId").is(node.communityId()).and("topic").is(node.name()).and("s").gt(0.0))
                            .with(Sort.by(Sort.Order.desc("s"))).limit(FAN_OUT), Document.class, EXPERTISE).stream()
                    .map(d -> Hop.expertise(d, decay, now)).toList();
        }
        List<Document> docs = mongo.find(query(where("questionId").is(node.nodeId())).limit(FAN_OUT), Document.class,
                PARTICIPATION);
        Map<String, String> titles = Map.of(node.nodeId(), node.name());
        return docs.stream().map(d -> Hop.participation(d, titles)).toList();
    }

    /** The titles of the threads that are not deleted. */
    private Map<String, String> threadTitles(List<Document> participations) {
        List<String> ids = participations.stream().map(d -> d.getString("questionId")).toList();
        Map<String, String> titles = new HashMap<>();
        mongo.find(query(where("_id").in(ids).and("deleted").ne(true)), Document.class, THREADS)
                .forEach(t -> titles.put(t.getString("_id"), t.getString("title")));
        return titles;
    }

    /** An edge between a member and a topic or a thread. */
    record Hop(String kind, String memberId, String nodeId, String communityId, String name, double weight, Document source) {

        static Hop expertise(Document d, Decay decay, Instant now) {
            return new Hop("EXPERTISE", d.getString("memberId"), topicId(d.getString("communityId"), d.getString("topic")),
                    d.getString("communityId"), d.getString("topic"), decay.scoreAt(d.getDouble("s"), now), d);
        }

        static Hop participation(Document d, Map<String, String> titles) {
            return new Hop("PARTICIPATION", d.getString("memberId"), d.getString("questionId"), d.getString("communityId"),
                    titles.get(d.getString("questionId")), d.getList("evidence", Document.class).size(), d);
        }

        KnowledgeNodeView node() {
            return new KnowledgeNodeView(kind.equals("EXPERTISE") ? "TOPIC" : "QUESTION", nodeId, communityId, name);
        }
    }

    /** Edges in order from the first member; {@code middle} is the member between, on a path of four. */
    record Path(List<Hop> hops, String middle) {

        double weakest() {
            return hops.stream().mapToDouble(Hop::weight).min().orElse(0);
        }

        static Path better(Path a, Path b) {
            return a == null || b.weakest() > a.weakest() ? b : a;
        }

        KnowledgeConnectionView view(String fromId, String toId, KnowledgeGraph graph, Instant now) {
            List<KnowledgeNodeView> nodes = new ArrayList<>();
            nodes.add(new KnowledgeNodeView("MEMBER", fromId, null, null));
            nodes.add(hops.get(0).node());
            if (middle != null) {
                nodes.add(new KnowledgeNodeView("MEMBER", middle, null, null));
                nodes.add(hops.get(2).node());
            }
            nodes.add(new KnowledgeNodeView("MEMBER", toId, null, null));
            return new KnowledgeConnectionView(fromId, toId, nodes, hops.stream().map(h -> graph.edge(h, now)).toList());
        }
    }

    private KnowledgeEdgeView edge(Hop hop, Instant now) {
        if (hop.kind().equals("EXPERTISE")) {
            return new KnowledgeEdgeView(hop.kind(), hop.memberId(), hop.nodeId(), hop.weight(),
                    evidence(hop.source(), 3, now));
        }
        List<KnowledgeEvidenceView> evidence = hop.source().getList("evidence", Document.class).stream()
                .map(e -> new KnowledgeEvidenceView(e.getString("eventId"), e.getString("eventType"), e.getString("kind"),
                        hop.communityId(), hop.nodeId(), e.getString("postId"), hop.memberId(),
                        e.getDate("occurredAt").toInstant(), 1, 1))
                .sorted(Comparator.comparing(KnowledgeEvidenceView::occurredAt)).toList();
        return new KnowledgeEdgeView(hop.kind(), hop.memberId(), hop.nodeId(), hop.weight(), evidence);
    }

    // --- shared ---

    private Map<String, List<Document>> expertiseOf(String communityId, List<String> topics, Set<String> members) {
        Map<String, List<Document>> byMember = new LinkedHashMap<>();
        if (members.isEmpty()) {
            return byMember;
        }
        mongo.find(query(where("communityId").is(communityId).and("topic").in(topics).and("memberId").in(members))
                        .with(Sort.by(Sort.Order.desc("s"), Sort.Order.asc("_id"))), Document.class, EXPERTISE)
                .forEach(d -> byMember.computeIfAbsent(d.getString("memberId"), m -> new ArrayList<>()).add(d));
        return byMember;
    }

    private ExpertiseView expertise(Document d, int evidenceLimit, Instant now) {
        return new ExpertiseView(d.getString("communityId"), d.getString("topic"), d.getString("memberId"),
                decay.scoreAt(d.getDouble("s"), now), ((Number) d.get("evidenceCount")).intValue(),
                d.getDate("lastEvidenceAt") == null ? null : d.getDate("lastEvidenceAt").toInstant(),
                evidence(d, evidenceLimit, now));
    }

    /** The strongest evidence of an expertise: its largest contributions, by the index on the stored terms. */
    private List<KnowledgeEvidenceView> evidence(Document expertise, int limit, Instant now) {
        if (limit == 0) {
            return List.of();
        }
        Query strongest = query(where("communityId").is(expertise.getString("communityId"))
                .and("topic").is(expertise.getString("topic"))
                .and("memberId").is(expertise.getString("memberId"))
                .and("active").is(true))
                .with(Sort.by(Sort.Order.desc("term"), Sort.Order.asc("_id"))).limit(limit);
        return mongo.find(strongest, Document.class, CONTRIBUTIONS).stream().map(c -> {
            Instant at = c.getDate("occurredAt").toInstant();
            double weight = c.getDouble("weight");
            return new KnowledgeEvidenceView(c.getString("eventId"), c.getString("eventType"), c.getString("kind"),
                    c.getString("communityId"), c.getString("questionId"), c.getString("postId"), c.getString("actorId"),
                    at, weight, decay.contributionAt(weight, at, now));
        }).toList();
    }

    private void requireReadable(String communityId, @Nullable String viewer) {
        if (communityId == null || !Exists.any(mongo, query(where("_id").is(communityId)), "communities")) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY", "There is no community " + communityId + ".");
        }
        if (!access.canRead(communityId, viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "PRIVATE_COMMUNITY",
                    "This community is private: only its members see who knows what in it.");
        }
    }

    private static List<String> checkedTopics(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw QueryRejectedException.invalid("MISSING_TOPICS", "Name at least one topic.");
        }
        if (names.size() > MAX_TOPICS) {
            throw QueryRejectedException.invalid("TOO_MANY_TOPICS", "Name at most " + MAX_TOPICS + " topics.");
        }
        List<String> topics = new ArrayList<>();
        for (String name : names) {
            String topic = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (topic.isEmpty() || topic.length() > 35 || topic.contains("/") || topic.contains("|")) {
                throw QueryRejectedException.invalid("INVALID_TOPIC", "A topic is a tag name of 1 to 35 characters.");
            }
            topics.add(topic);
        }
        return topics;
    }

    private List<String> resolve(String communityId, List<String> topics) {
        Map<String, String> masters = new HashMap<>();
        mongo.find(query(where("_id").in(topics.stream().map(t -> topicId(communityId, t)).toList()).and("master").ne(null)),
                Document.class, SYNONYMS).forEach(s -> masters.put(s.getString("synonym"), s.getString("master")));
        return new ArrayList<>(new LinkedHashSet<>(topics.stream().map(t -> masters.getOrDefault(t, t)).toList()));
    }

    private static int evidenceLimit(Integer evidence) {
        int limit = evidence == null ? DEFAULT_EVIDENCE : evidence;
        if (limit < 0 || limit > MAX_EVIDENCE) {
            throw QueryRejectedException.invalid("INVALID_EVIDENCE_LIMIT", "Ask for 0 to " + MAX_EVIDENCE + " pieces of evidence.");
        }
        return limit;
    }

    private static double positive(double value) {
        return Math.max(0, value);
    }

    private static <T, V> Page<V> page(List<T> ranked, int offset, int size, Function<T, V> view) {
        List<V> items = ranked.stream().skip(offset).limit(size).map(view).toList();
        boolean more = ranked.size() > offset + size;
        return new Page<>(items, items.isEmpty() ? null : RankCursor.encode(offset + items.size()), more, ranked.size());
    }
}
