package dev.praxis.query.question;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.IdBatch;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.community.CommunityQueries;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import dev.praxis.query.shared.QueryRejectedException;
import dev.praxis.query.shared.PageCursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questions and answers, for the {@code viewer} (a member id; absent: anonymous): those of a
 * private community only for its current members. By id, an unreadable one answers 404 as one
 * that does not exist; batches leave it out.
 */
@RestController
public class QuestionQueries {

    private final MongoTemplate mongo;
    private final ReadConsistency consistency;
    private final CommunityQueries communities;
    private final ReadAccess access;
    private final CommunityQuestionHeads heads;

    public QuestionQueries(MongoTemplate mongo, ReadConsistency consistency, CommunityQueries communities,
                           ReadAccess access) {
        this.mongo = mongo;
        this.heads = new CommunityQuestionHeads(mongo);
        this.consistency = consistency;
        this.communities = communities;
        this.access = access;
    }

    /** A community's questions, newest first; deleted ones are left out (they stay readable by id). */
    @GetMapping("/communities/{communityId}/questions")
    public Page<QuestionView> questionsOf(@PathVariable String communityId,
                                          @RequestParam(required = false) Integer first,
                                          @RequestParam(required = false) String after,
                                          @RequestParam(required = false) String viewer,
                                          @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        CommunityView community = communities.readable(communityId, viewer);
        Optional<Page<QuestionView>> fromHead = fromHead(communityId, first, after);
        if (fromHead.isPresent()) {
            return fromHead.get();
        }
        long deleted = mongo.count(query(where("communityId").is(communityId).and("deleted").is(true)),
                QuestionDocument.COLLECTION);
        return Pages.newestFirst(mongo, QuestionDocument.class, QuestionDocument.COLLECTION,
                where("communityId").is(communityId).and("deleted").ne(true), first, after,
                Math.max(0, community.questionCount() - deleted),
                QuestionDocument::createdAt, QuestionDocument::id, QuestionDocument::view);
    }

    /**
     * The page from the community's head (its newest questions, kept by the projection) and a batch
     * of questions by id: a read by key whatever the size of the store. Empty when the page reaches
     * beyond the head, when the community has no head (its questions were projected before heads
     * existed), or when the head and the questions disagree (then the questions are read directly).
     */
    private Optional<Page<QuestionView>> fromHead(String communityId, Integer first, String after) {
        int size = Pages.checkedPageSize(first);
        PageCursor cursor = after == null || after.isBlank() ? null : PageCursor.decode(after);
        return heads.of(communityId).flatMap(head -> head.page(cursor, size).flatMap(ids -> {
            Map<String, QuestionDocument> byId = new HashMap<>();
            mongo.find(query(where("_id").in(ids)), QuestionDocument.class, QuestionDocument.COLLECTION)
                    .forEach(question -> byId.put(question.id(), question));
            List<QuestionDocument> questions = new ArrayList<>();
            for (String id : ids) {
                QuestionDocument question = byId.get(id);
                if (question == null || Boolean.TRUE.equals(question.deleted()) || !communityId.equals(question.communityId())) {
                    return Optional.empty();
                }
                questions.add(question);
            }
            return Optional.of(Pages.newestFirst(questions, size, head.count(), QuestionDocument::createdAt,
                    QuestionDocument::id, QuestionDocument::view));
        }));
    }

    @GetMapping("/questions/{id}")
    public QuestionView question(@PathVariable String id, @RequestParam(required = false) String viewer,
                                 @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        QuestionDocument question = mongo.findById(id, QuestionDocument.class, QuestionDocument.COLLECTION);
        if (question == null || !access.canRead(question.communityId(), viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_QUESTION", "There is no question with id " + id + ".");
        }
        return question.view();
    }

    @PostMapping("/questions/batch")
    public List<QuestionView> questions(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                        @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("_id").in(Pages.checkedIds(batch)), "communityId", viewer)),
                QuestionDocument.class,
                QuestionDocument.COLLECTION).stream().map(QuestionDocument::view).toList();
    }

    @PostMapping("/answers/batch")
    public List<AnswerView> answers(@RequestBody IdBatch batch, @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return mongo.find(query(access.readable(where("_id").in(Pages.checkedIds(batch)), "communityId", viewer)),
                AnswerDocument.class,
                AnswerDocument.COLLECTION).stream().map(AnswerDocument::view).toList();
    }
}
