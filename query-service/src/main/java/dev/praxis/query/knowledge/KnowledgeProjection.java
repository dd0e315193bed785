package dev.praxis.query.knowledge;

import dev.praxis.query.shared.Exists;
import static dev.praxis.query.knowledge.KnowledgeCollections.ALL;
import static dev.praxis.query.knowledge.KnowledgeCollections.CONTRIBUTIONS;
import static dev.praxis.query.knowledge.KnowledgeCollections.COOCCURRENCE;
import static dev.praxis.query.knowledge.KnowledgeCollections.EXPERTISE;
import static dev.praxis.query.knowledge.KnowledgeCollections.MEMBERS;
import static dev.praxis.query.knowledge.KnowledgeCollections.PARTICIPATION;
import static dev.praxis.query.knowledge.KnowledgeCollections.SYNONYMS;
import static dev.praxis.query.knowledge.KnowledgeCollections.THREADS;
import static dev.praxis.query.knowledge.KnowledgeCollections.TOPICS;
import static dev.praxis.query.knowledge.KnowledgeCollections.topicId;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.community.MemberBanned;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.community.MemberLeftCommunity;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerEndorsed;
import dev.praxis.api.question.AnswerEndorsementWithdrawn;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.CommentAdded;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.query.shared.AppliedEvents;
import dev.praxis.query.shared.DeliveryHorizon;
import dev.praxis.query.shared.KnownInBatch;
import dev.praxis.query.shared.PendingWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The knowledge graph: who knows what (see {@link KnowledgeCollections} for its documents and
 * {@link EvidenceKind} for the weights). Expertise is credited to the tags a question has when
 * the recognising event happens, its master tag for a synonym; a retag moves the thread's
 * evidence to the new tags, a synonym merges its evidence into the master. Every reversal (a
 * retracted or changed vote, a withdrawn acceptance or endorsement, a deleted post) subtracts the
 * term that its cause added.
 *
 * <p>Idempotency: a thread's events are applied once per thread (the thread document remembers
 * them), a member's skill events once per member, a synonym's once per synonym; within an event,
 * every increment is guarded on its own, so an event interrupted half way can be delivered again.
 */
@Component
@ProcessingGroup("knowledge")
public class KnowledgeProjection {

    private final MongoTemplate mongo;
    private final ExpertiseLedger ledger;

    @Autowired
    public KnowledgeProjection(MongoTemplate mongo, @Value("${praxis.knowledge.half-life:180d}") java.time.Duration halfLife) {
        this.mongo = mongo;
        this.ledger = new ExpertiseLedger(mongo, new Decay(halfLife));
        ensureIndexes();
    }

    public KnowledgeProjection(MongoTemplate mongo) {
        this(mongo, Decay.DEFAULT_HALF_LIFE);
    }

    private void ensureIndexes() {
        // the embedded server ignores secondary indexes; a real MongoDB needs these for the queries
        mongo.indexOps(EXPERTISE).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("topic", Sort.Direction.ASC)
                .on("s", Sort.Direction.DESC).named("experts_of_topic"));
        mongo.indexOps(EXPERTISE).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("topic", Sort.Direction.ASC)
                .on("lastActiveAt", Sort.Direction.DESC).named("recently_active_in_topic"));
        mongo.indexOps(EXPERTISE).createIndex(new Index().on("memberId", Sort.Direction.ASC).on("s", Sort.Direction.DESC)
                .named("expertise_of_member"));
        mongo.indexOps(CONTRIBUTIONS).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("topic", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("term", Sort.Direction.DESC).named("evidence_of_expertise"));
        mongo.indexOps(CONTRIBUTIONS).createIndex(new Index().on("key", Sort.Direction.ASC).named("by_cause"));
        mongo.indexOps(CONTRIBUTIONS).createIndex(new Index().on("questionId", Sort.Direction.ASC).named("by_question"));
        mongo.indexOps(PARTICIPATION).createIndex(new Index().on("memberId", Sort.Direction.ASC)
                .on("lastAt", Sort.Direction.DESC).named("threads_of_member"));
        mongo.indexOps(PARTICIPATION).createIndex(new Index().on("questionId", Sort.Direction.ASC).named("members_of_thread"));
        mongo.indexOps(THREADS).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("tags", Sort.Direction.ASC)
                .named("threads_of_tag"));
        mongo.indexOps(COOCCURRENCE).createIndex(new Index().on("communityId", Sort.Direction.ASC).on("topic", Sort.Direction.ASC)
                .on("count", Sort.Direction.DESC).named("related_topics"));
    }

    // --- threads: questions, answers, comments, deletions, retags ---

    @EventHandler
    void on(QuestionAsked event, EventMessage<?> message) {
        if (alreadyApplied(event.questionId(), message)) {
            return;
        }
        List<String> tags = resolve(event.communityId(), event.tags());
        Update thread = new Update()
                .set("communityId", event.communityId())
                .set("askerId", event.actorId())
                .set("title", event.title())
                .set("tags", tags)
                .set("deleted", false)
                .set("createdAt", event.occurredAt());
        PendingWrites.upsert(mongo, query(where("_id").is(event.questionId())), thread, THREADS);
        if (DeliveryHorizon.firstDelivery()) {
            // only this event creates a thread, so new to the projection it had no document: the batch
            // knows the one it wrote (applied() below adds its last activity to the copy)
            threads().upserted(mongo, event.questionId(), thread);
        } else {
            threads().written(event.questionId());
        }
        tags.forEach(tag -> knownTopic(event.communityId(), tag));
        countPairs(event.communityId(), tags, 1, message.getIdentifier());
        participated(event.actorId(), event.questionId(), event.communityId(), EvidenceKind.ASKED, event.questionId(),
                message, event.occurredAt());
        applied(event.questionId(), message, event.occurredAt());
    }

    @EventHandler
    void on(QuestionEdited event, EventMessage<?> message) {
        Document thread = thread(event.questionId());
        if (thread == null || alreadyApplied(event.questionId(), message)) {
            return;
        }
        setOnThread(event.questionId(), "title", event.title());
        List<String> before = thread.getList("tags", String.class);
        List<String> after = resolve(event.communityId(), event.tags());
        if (!new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))) {
            retag(thread, before, after, message.getIdentifier());
        }
        applied(event.questionId(), message, event.occurredAt());
    }

    private void retag(Document thread, List<String> before, List<String> after, String eventId) {
        String questionId = thread.getString("_id");
        String communityId = thread.getString("communityId");
        after.forEach(tag -> knownTopic(communityId, tag));
        setOnThread(questionId, "tags", after);
        if (!thread.getBoolean("deleted", false)) {
            countPairs(communityId, before, -1, eventId + "|untag");
            countPairs(communityId, after, 1, eventId + "|tag");
        }
        // each cause of the thread is credited once per tag: add the new tags, then drop the old ones
        Map<String, Document> oneOfEachCause = new HashMap<>();
        List<Document> contributions = ledger.contributions(where("questionId").is(questionId));
        contributions.forEach(c -> oneOfEachCause.putIfAbsent(c.getString("key"), c));
        for (Document cause : oneOfEachCause.values()) {
            after.forEach(tag -> ledger.copyTo(cause, tag, eventId));
        }
        for (Document contribution : contributions) {
            if (!after.contains(contribution.getString("topic"))) {
                ledger.remove(contribution, eventId);
            }
        }
        // answering activity moves with the thread
        answers(thread).forEach((answerId, answer) -> after.forEach(tag ->
                ledger.touch(communityId, tag, answer.getString("authorId"), answer.getDate("postedAt").toInstant())));
    }

    @EventHandler
    void on(AnswerPosted event, EventMessage<?> message) {
        Document thread = thread(event.questionId());
        if (thread == null || alreadyApplied(event.questionId(), message)) {
            return;
        }
        setOnThread(event.questionId(), "answers." + event.answerId(), new Document("authorId", event.actorId())
                .append("postedAt", Date.from(event.occurredAt()))
                .append("eventId", message.getIdentifier())
                .append("deleted", false));
        for (String tag : thread.getList("tags", String.class)) {
            ledger.touch(event.communityId(), tag, event.actorId(), event.occurredAt());
        }
        participated(event.actorId(), event.questionId(), event.communityId(), EvidenceKind.ANSWERED, event.answerId(),
                message, event.occurredAt());
        applied(event.questionId(), message, event.occurredAt());
    }

    @EventHandler
    void on(CommentAdded event, EventMessage<?> message) {
        if (thread(event.questionId()) == null || alreadyApplied(event.questionId(), message)) {
            return;
        }
        participated(event.actorId(), event.questionId(), event.communityId(), EvidenceKind.COMMENTED, event.commentId(),
                message, event.occurredAt());
        applied(event.questionId(), message, event.occurredAt());
    }

    @EventHandler
    void on(PostDeleted event, EventMessage<?> message) {
        Document thread = thread(event.questionId());
        if (thread == null || alreadyApplied(event.questionId(), message)) {
            return;
        }
        String eventId = message.getIdentifier();
        if (event.postKind() == PostKind.QUESTION) {
            setOnThread(event.questionId(), "deleted", true);
            if (!thread.getBoolean("deleted", false)) {
                countPairs(event.communityId(), thread.getList("tags", String.class), -1, eventId);
            }
            ledger.deactivate(where("questionId").is(event.questionId()), eventId);
        } else if (event.postKind() == PostKind.ANSWER) {
            setOnThread(event.questionId(), "answers." + event.postId() + ".deleted", true);
            ledger.deactivate(where("postId").is(event.postId()), eventId);
        }
        applied(event.questionId(), message, event.occurredAt());
    }

    @EventHandler
    void on(PostUndeleted event, EventMessage<?> message) {
        Document thread = thread(event.questionId());
        if (thread == null || alreadyApplied(event.questionId(), message)) {
            return;
        }
        String eventId = message.getIdentifier();
        Map<String, Document> answers = answers(thread);
        if (event.postKind() == PostKind.QUESTION) {
            setOnThread(event.questionId(), "deleted", false);
            if (thread.getBoolean("deleted", false)) {
                countPairs(event.communityId(), thread.getList("tags", String.class), 1, eventId);
            }
            List<String> deletedAnswers = answers.entrySet().stream()
                    .filter(a -> a.getValue().getBoolean("deleted", false)).map(Map.Entry::getKey).toList();
            ledger.activate(where("questionId").is(event.questionId()).and("postId").nin(deletedAnswers), eventId);
        } else if (event.postKind() == PostKind.ANSWER) {
            setOnThread(event.questionId(), "answers." + event.postId() + ".deleted", false);
            if (!thread.getBoolean("deleted", false)) {
                ledger.activate(where("postId").is(event.postId()), eventId);
            }
        }
        applied(event.questionId(), message, event.occurredAt());
    }

    // --- recognition of answers: votes, acceptance, endorsements ---

    @EventHandler
    void on(VoteCast event, EventMessage<?> message) {
        if (event.postKind() != PostKind.ANSWER) {
            return;
        }
        recognise(event.questionId(), message, event.occurredAt(), thread -> credit(thread,
                new Contribution(voteKey(event.postId(), event.actorId()), voteKind(event.direction()), event.postAuthorId(),
                        event.communityId(), event.questionId(), event.postId(), event.actorId(), message.getIdentifier(),
                        "VoteCast", event.occurredAt())));
    }

    /** An imported vote without a voter: evidence for the answer's author (+1/-1), acted by no one known. */
    @EventHandler
    void on(AnonymousVoteRecorded event, EventMessage<?> message) {
        if (event.postKind() != PostKind.ANSWER) {
            return;
        }
        recognise(event.questionId(), message, event.occurredAt(), thread -> credit(thread,
                new Contribution("anonymous-vote/" + message.getIdentifier(), voteKind(event.direction()),
                        event.postAuthorId(), event.communityId(), event.questionId(), event.postId(), null,
                        message.getIdentifier(), "AnonymousVoteRecorded", event.occurredAt())));
    }

    @EventHandler
    void on(VoteChanged event, EventMessage<?> message) {
        if (event.postKind() != PostKind.ANSWER) {
            return;
        }
        recognise(event.questionId(), message, event.occurredAt(), thread -> {
            String key = voteKey(event.postId(), event.actorId());
            ledger.withdraw(key, message.getIdentifier());
            credit(thread, new Contribution(key, voteKind(event.direction()), event.postAuthorId(), event.communityId(),
                    event.questionId(), event.postId(), event.actorId(), message.getIdentifier(), "VoteChanged",
                    event.occurredAt()));
        });
    }

    @EventHandler
    void on(VoteRetracted event, EventMessage<?> message) {
        if (event.postKind() != PostKind.ANSWER) {
            return;
        }
        recognise(event.questionId(), message, event.occurredAt(),
                thread -> ledger.withdraw(voteKey(event.postId(), event.actorId()), message.getIdentifier()));
    }

    @EventHandler
    void on(AnswerAccepted event, EventMessage<?> message) {
        recognise(event.questionId(), message, event.occurredAt(), thread -> credit(thread,
                new Contribution("accept/" + event.answerId(), EvidenceKind.ACCEPTED_ANSWER, event.answerAuthorId(),
                        event.communityId(), event.questionId(), event.answerId(), event.actorId(), message.getIdentifier(),
                        "AnswerAccepted", event.occurredAt())));
    }

    @EventHandler
    void on(AnswerAcceptanceWithdrawn event, EventMessage<?> message) {
        recognise(event.questionId(), message, event.occurredAt(),
                thread -> ledger.withdraw("accept/" + event.answerId(), message.getIdentifier()));
    }

    @EventHandler
    void on(AnswerEndorsed event, EventMessage<?> message) {
        recognise(event.questionId(), message, event.occurredAt(), thread -> credit(thread,
                new Contribution("endorse/" + event.answerId() + "/" + event.actorId(), EvidenceKind.ANSWER_ENDORSEMENT,
                        event.answerAuthorId(), event.communityId(), event.questionId(), event.answerId(), event.actorId(),
                        message.getIdentifier(), "AnswerEndorsed", event.occurredAt())));
    }

    @EventHandler
    void on(AnswerEndorsementWithdrawn event, EventMessage<?> message) {
        recognise(event.questionId(), message, event.occurredAt(),
                thread -> ledger.withdraw("endorse/" + event.answerId() + "/" + event.actorId(), message.getIdentifier()));
    }

    private void recognise(String questionId, EventMessage<?> message, Instant at, java.util.function.Consumer<Document> effect) {
        Document thread = thread(questionId);
        if (thread == null || alreadyApplied(questionId, message)) {
            return;
        }
        effect.accept(thread);
        applied(questionId, message, at);
    }

    private void credit(Document thread, Contribution contribution) {
        Document answer = answers(thread).get(contribution.postId());
        boolean active = !thread.getBoolean("deleted", false) && (answer == null || !answer.getBoolean("deleted", false));
        ledger.credit(contribution, resolve(thread.getString("communityId"), thread.getList("tags", String.class)), active);
    }

    private static String voteKey(String answerId, String voterId) {
        return "vote/" + answerId + "/" + voterId;
    }

    private static EvidenceKind voteKind(VoteDirection direction) {
        return direction == VoteDirection.UP ? EvidenceKind.ANSWER_UPVOTE : EvidenceKind.ANSWER_DOWNVOTE;
    }

    // --- skills: a skill endorsement counts in the topic of that name in the member's communities ---

    @EventHandler
    void on(SkillEndorsed event, EventMessage<?> message) {
        if (memberAlreadyApplied(event.memberId(), message)) {
            return;
        }
        Document member = mongo.findById(event.memberId(), Document.class, MEMBERS);
        List<String> communities = member == null ? List.of() : member.getList("communities", String.class, List.of());
        for (String communityId : communities) {
            String topic = resolve(communityId, List.of(event.skill())).get(0);
            if (Exists.any(mongo, query(where("_id").is(topicId(communityId, topic))), TOPICS)) {
                ledger.credit(new Contribution(skillKey(event.memberId(), event.skill(), event.actorId()),
                        EvidenceKind.SKILL_ENDORSEMENT, event.memberId(), communityId, null, null, event.actorId(),
                        message.getIdentifier(), "SkillEndorsed", event.occurredAt()), List.of(topic), true);
            }
        }
        memberApplied(event.memberId(), message);
    }

    @EventHandler
    void on(SkillEndorsementWithdrawn event, EventMessage<?> message) {
        if (memberAlreadyApplied(event.memberId(), message)) {
            return;
        }
        ledger.withdraw(skillKey(event.memberId(), event.skill(), event.actorId()), message.getIdentifier());
        memberApplied(event.memberId(), message);
    }

    private static String skillKey(String memberId, String skill, String endorserId) {
        return "skill/" + memberId + "/" + skill + "/" + endorserId;
    }

    @EventHandler
    void on(MemberJoinedCommunity event) {
        PendingWrites.upsert(mongo, query(where("_id").is(event.memberId())), new Update().addToSet("communities", event.communityId()),
                MEMBERS);
    }

    @EventHandler
    void on(MemberLeftCommunity event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.memberId())), new Update().pull("communities", event.communityId()),
                MEMBERS);
    }

    @EventHandler
    void on(MemberBanned event) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(event.memberId())), new Update().pull("communities", event.communityId()),
                MEMBERS);
    }

    private boolean memberAlreadyApplied(String memberId, EventMessage<?> message) {
        return AppliedEvents.wasApplied(mongo, MEMBERS, memberId, message.getIdentifier());
    }

    private void memberApplied(String memberId, EventMessage<?> message) {
        AppliedEvents.upsertOnce(mongo, MEMBERS, memberId, message.getIdentifier(),
                new Update().setOnInsert("communities", List.of()));
    }

    // --- topics and synonyms ---

    @EventHandler
    void on(TagCreated event) {
        knownTopic(event.communityId(), event.name());
    }

    /** The synonym's evidence merges into its master, as Stack Overflow merges a synonym's questions. */
    @EventHandler
    void on(TagSynonymAdded event, EventMessage<?> message) {
        String id = topicId(event.communityId(), event.synonym());
        if (AppliedEvents.wasApplied(mongo, SYNONYMS, id, message.getIdentifier())) {
            return;
        }
        KnownInBatch.of(SYNONYMS).written(id);
        PendingWrites.upsert(mongo, query(where("_id").is(id)), new Update().set("communityId", event.communityId())
                .set("synonym", event.synonym()).set("master", event.name()), SYNONYMS);
        knownTopic(event.communityId(), event.name());
        // the threads tagged with the synonym carry the master from now on
        for (Document thread : mongo.find(query(where("communityId").is(event.communityId()).and("tags").is(event.synonym())),
                Document.class, THREADS)) {
            List<String> before = thread.getList("tags", String.class);
            List<String> after = new ArrayList<>(new LinkedHashSet<>(before.stream()
                    .map(tag -> tag.equals(event.synonym()) ? event.name() : tag).toList()));
            String marker = message.getIdentifier() + "|" + thread.getString("_id");
            if (!thread.getBoolean("deleted", false)) {
                countPairs(event.communityId(), before, -1, marker + "|untag");
                countPairs(event.communityId(), after, 1, marker + "|tag");
            }
            setOnThread(thread.getString("_id"), "tags", after);
        }
        List<Document> merged = ledger.contributions(where("communityId").is(event.communityId()).and("topic").is(event.synonym()));
        for (Document contribution : merged) {
            ledger.copyTo(contribution, event.name(), message.getIdentifier());
            ledger.remove(contribution, message.getIdentifier());
        }
        // the activity in the synonym becomes activity in the master; the synonym's edges go
        Criteria ofSynonym = where("communityId").is(event.communityId()).and("topic").is(event.synonym());
        for (Document expertise : mongo.find(query(ofSynonym), Document.class, EXPERTISE)) {
            if (expertise.getDate("lastActiveAt") != null) {
                ledger.touch(event.communityId(), event.name(), expertise.getString("memberId"),
                        expertise.getDate("lastActiveAt").toInstant());
            }
        }
        mongo.remove(query(ofSynonym), EXPERTISE);
        KnownInBatch.of(SYNONYMS).written(id);
        AppliedEvents.applyOnce(mongo, SYNONYMS, id, message.getIdentifier(), new Update().set("master", event.name()));
    }

    /** Evidence merged stays with the master; new questions with the name count under it again. */
    @EventHandler
    void on(TagSynonymRemoved event) {
        KnownInBatch.of(SYNONYMS).written(topicId(event.communityId(), event.synonym()));
        PendingWrites.updateFirst(mongo, query(where("_id").is(topicId(event.communityId(), event.synonym()))),
                new Update().unset("master"), SYNONYMS);
    }

    private List<String> resolve(String communityId, Collection<String> tags) {
        List<String> ids = tags.stream().map(tag -> topicId(communityId, tag)).toList();
        Map<String, String> masters = new HashMap<>();
        // by key alone (a lookup on any server), once per batch; the few synonyms without a master are skipped here
        KnownInBatch.of(SYNONYMS).findAllById(mongo, ids).values().forEach(s -> {
            if (s.getString("master") != null) {
                masters.put(s.getString("synonym"), s.getString("master"));
            }
        });
        Set<String> resolved = new LinkedHashSet<>();
        tags.forEach(tag -> resolved.add(masters.getOrDefault(tag, tag)));
        return new ArrayList<>(resolved);
    }

    private void knownTopic(String communityId, String topic) {
        PendingWrites.upsert(mongo, query(where("_id").is(topicId(communityId, topic))),
                new Update().set("communityId", communityId).set("topic", topic), TOPICS);
    }

    /** Co-occurrence of the tags on a question: each ordered pair counted up or down once per event. */
    private void countPairs(String communityId, List<String> tags, int delta, String marker) {
        Set<String> distinct = new LinkedHashSet<>(tags);
        for (String topic : distinct) {
            for (String related : distinct) {
                if (!topic.equals(related)) {
                    AppliedEvents.upsertOnce(mongo, COOCCURRENCE, communityId + "|" + topic + "|" + related, marker,
                            new Update().setOnInsert("communityId", communityId).setOnInsert("topic", topic)
                                    .setOnInsert("related", related).inc("count", delta));
                }
            }
        }
    }

    // --- participation: the member-thread edges ---

    private void participated(String memberId, String questionId, String communityId, EvidenceKind kind, String postId,
                              EventMessage<?> message, Instant at) {
        PendingWrites.upsert(mongo, query(where("_id").is(memberId + "|" + questionId)), new Update()
                .set("memberId", memberId)
                .set("questionId", questionId)
                .set("communityId", communityId)
                .addToSet("evidence", new Document("eventId", message.getIdentifier())
                        .append("eventType", message.getPayloadType().getSimpleName())
                        .append("kind", kind.name())
                        .append("postId", postId)
                        .append("occurredAt", at))
                .max("lastAt", at), PARTICIPATION);
    }

    // --- bookkeeping ---

    /**
     * The batch's threads. Only this projection writes them, and it makes each of its writes to the
     * batch's copy too ({@link #setOnThread}, {@link #applied}): the events of a question follow each
     * other, and each of them looked its thread up, which sent the thread writes pending before it.
     */
    private static KnownInBatch threads() {
        return KnownInBatch.of(THREADS);
    }

    private Document thread(String questionId) {
        // whether an event was applied is asked apart (alreadyApplied)
        return threads().findById(mongo, questionId);
    }

    private void setOnThread(String questionId, String path, Object value) {
        PendingWrites.updateFirst(mongo, query(where("_id").is(questionId)), new Update().set(path, value), THREADS);
        threads().set(questionId, path, value);
    }

    private static Map<String, Document> answers(Document thread) {
        Document answers = thread.get("answers", Document.class);
        Map<String, Document> byId = new HashMap<>();
        if (answers != null) {
            answers.forEach((id, answer) -> byId.put(id, (Document) answer));
        }
        return byId;
    }

    private boolean alreadyApplied(String questionId, EventMessage<?> message) {
        return AppliedEvents.wasApplied(mongo, THREADS, questionId, message.getIdentifier());
    }

    private void applied(String questionId, EventMessage<?> message, Instant at) {
        AppliedEvents.applyOnce(mongo, THREADS, questionId, message.getIdentifier(), new Update().max("lastActivityAt", at));
        Date when = Date.from(at);
        threads().changed(questionId, thread -> {
            Date last = thread.getDate("lastActivityAt");
            if (last != null && !last.before(when)) {
                return thread;
            }
            Document after = new Document(thread);
            after.put("lastActivityAt", when);
            return after;
        });
    }

    @ResetHandler
    void reset() {
        for (String collection : ALL) {
            mongo.dropCollection(collection);
        }
        ensureIndexes();
    }
}
