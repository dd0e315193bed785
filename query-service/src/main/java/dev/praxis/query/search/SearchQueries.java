package dev.praxis.query.search;

import dev.praxis.api.query.Page;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.Pages;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Search: posts by text and filters, questions like a draft, members by name or by expertise. Every
 * read is for a {@code viewer} (absent: anonymous), and the private communities the viewer may not
 * read are filtered out inside the index search, before ranking and counting.
 */
@RestController
public class SearchQueries {

    private static final int MAX_SIMILAR = 20;

    private final PostSearcher posts;
    private final SimilarQuestions similar;
    private final MemberSearcher members;
    private final ReadAccess access;
    private final ReadConsistency consistency;

    public SearchQueries(PostSearcher posts, SimilarQuestions similar, MemberSearcher members, ReadAccess access,
                         ReadConsistency consistency) {
        this.posts = posts;
        this.similar = similar;
        this.members = members;
        this.access = access;
        this.consistency = consistency;
    }

    @GetMapping("/search")
    public Page<SearchHitView> search(@RequestParam(name = "q", required = false) String q,
                                      @RequestParam(required = false) String community,
                                      @RequestParam(name = "tag", required = false) List<String> tags,
                                      @RequestParam(required = false) String author,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                      @RequestParam(required = false) Boolean answered,
                                      @RequestParam(required = false) Integer minScore,
                                      @RequestParam(required = false) Integer maxScore,
                                      @RequestParam(name = "type", required = false) List<PostType> types,
                                      @RequestParam(required = false) SearchSort sort,
                                      @RequestParam(required = false) Integer first,
                                      @RequestParam(required = false) String after,
                                      @RequestParam(required = false) String viewer,
                                      @RequestParam(required = false) Long minPosition) {
        int size = Pages.checkedPageSize(first);
        consistency.awaitPosition(minPosition);
        SearchFilters filters = new SearchFilters(community, tags == null ? List.of() : tags, author, from, to,
                answered, minScore, maxScore, types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types));
        return posts.search(q, filters, sort == null ? SearchSort.RELEVANCE : sort, size, after,
                access.unreadablePrivateCommunities(viewer));
    }

    /** A question being drafted: its title and body, and the community it is asked in (optional). */
    public record Draft(String title, String body, String communityId) {
    }

    @PostMapping("/search/similar-questions")
    public List<SearchHitView> similarQuestions(@RequestBody Draft draft,
                                                @RequestParam(required = false) Integer first,
                                                @RequestParam(required = false) String viewer,
                                                @RequestParam(required = false) Long minPosition) {
        int size = first == null ? 5 : first;
        if (size < 1 || size > MAX_SIMILAR) {
            throw dev.praxis.query.shared.QueryRejectedException.invalid("INVALID_PAGE_SIZE",
                    "Ask for 1 to " + MAX_SIMILAR + " similar questions.");
        }
        consistency.awaitPosition(minPosition);
        return similar.similarTo(draft.title(), draft.body(), draft.communityId(), size,
                access.unreadablePrivateCommunities(viewer));
    }

    /** Members by name; with {@code community}, its current members only (none if the viewer may not read it). */
    @GetMapping("/search/members")
    public Page<MemberHitView> searchMembers(@RequestParam(name = "q", required = false) String q,
                                             @RequestParam(required = false) String community,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after,
                                             @RequestParam(required = false) String viewer,
                                             @RequestParam(required = false) Long minPosition) {
        int size = Pages.checkedPageSize(first);
        consistency.awaitPosition(minPosition);
        if (community != null && !access.canRead(community, viewer)) {
            return new Page<>(List.of(), null, false, 0);
        }
        return members.byName(q, community, size, after);
    }

    /** Members by expertise: who answered most, and best, on the tags or words asked for. */
    @GetMapping("/search/experts")
    public Page<MemberHitView> searchExperts(@RequestParam(name = "q", required = false) String q,
                                             @RequestParam(required = false) String community,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after,
                                             @RequestParam(required = false) String viewer,
                                             @RequestParam(required = false) Long minPosition) {
        int size = Pages.checkedPageSize(first);
        consistency.awaitPosition(minPosition);
        return members.byExpertise(q, community, size, after, access.unreadablePrivateCommunities(viewer));
    }
}
