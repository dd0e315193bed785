package dev.praxis.query.pointintime;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.privilege.PrivilegePreset;
import dev.praxis.api.query.AsOfView;
import dev.praxis.api.query.CommunityMemberView;
import dev.praxis.api.query.CommunityPrivilegesView;
import dev.praxis.api.query.Page;
import dev.praxis.api.query.QuestionAsOfView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.ReputationView;
import dev.praxis.api.member.SkillEndorsed;
import dev.praxis.api.member.SkillEndorsementWithdrawn;
import dev.praxis.query.community.CommunityProjection;
import dev.praxis.query.feed.CommunityFeed;
import dev.praxis.query.feed.FeedOrder;
import dev.praxis.query.feed.FeedProjection;
import dev.praxis.query.knowledge.Decay;
import dev.praxis.query.knowledge.KnowledgeGraph;
import dev.praxis.query.knowledge.KnowledgeProjection;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import dev.praxis.api.reputation.ReputationRules;
import dev.praxis.query.shared.PageCursor;
import dev.praxis.query.shared.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import dev.praxis.api.query.QuestionView;
import dev.praxis.query.access.ReadAccess;
import dev.praxis.query.shared.QueryRejectedException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point-in-time reads: what the read side showed at a moment, named by {@code asOf} (an ISO-8601
 * instant, not in the future) or by a global {@code position}. Each answer says the moment and the
 * position it describes. Access is judged as for the present ({@link ReadAccess}, for the
 * {@code viewer}): a private community's past is readable by those who may read it now. Something
 * that did not exist yet at the moment answers 404, as something unknown does.
 *
 * <p>They read the event store, not the read models, so they need no {@code minPosition}: the
 * record up to the moment is complete once it is stored.
 */
@RestController
public class PointInTimeQueries {

    private final EventHistory history;
    private final PointInTimeCache cache;
    private final ReadAccess access;
    private final ReputationAt reputation;
    private final ScratchReadModels scratch;
    private final Duration halfLife;

    PointInTimeQueries(EventHistory history, PointInTimeCache cache, ReadAccess access, ReputationAt reputation,
                       ScratchReadModels scratch, @Value("${praxis.knowledge.half-life:180d}") Duration halfLife) {
        this.history = history;
        this.cache = cache;
        this.access = access;
        this.reputation = reputation;
        this.scratch = scratch;
        this.halfLife = halfLife;
    }

    /** A question and its answers at the moment; 404 {@code UNKNOWN_QUESTION} when it was not asked yet or the viewer may not read it. */
    @GetMapping("/pointintime/questions/{id}")
    public QuestionAsOfView question(@PathVariable String id,
                                     @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) Long position,
                                     @RequestParam(required = false) String viewer) {
        Moment moment = history.moment(instant(asOf), position);
        QuestionAsOfView found = cached(moment, "question", id, () -> {
            QuestionFold fold = QuestionFold.of(history.eventsOf(id, moment.position()));
            return fold.question().map(q -> new QuestionAsOfView(null, moment.position(), q, fold.answers())).orElse(null);
        });
        QuestionView question = found == null ? null : found.question();
        if (question == null || !access.canRead(question.communityId(), viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_QUESTION",
                    "There is no question with id " + id + " as of " + moment.asOf() + ".");
        }
        return new QuestionAsOfView(moment.asOf(), moment.position(), question, found.answers());
    }

    /**
     * A community's members as listed then, newest first (not left; the banned while the ban
     * lasted), with role and status at the moment; only owners and moderators with {@code role}.
     * 404 {@code UNKNOWN_COMMUNITY} before it was founded or for a viewer who may not read it. The
     * reason of a sanction is shown to the community's moderators and to the member alone.
     */
    @GetMapping("/pointintime/communities/{id}/members")
    public AsOfView<Page<CommunityMemberView>> members(@PathVariable String id,
                                                       @RequestParam(required = false) String asOf,
                                                       @RequestParam(required = false) Long position,
                                                       @RequestParam(required = false) List<CommunityRole> role,
                                                       @RequestParam(required = false) Integer first,
                                                       @RequestParam(required = false) String after,
                                                       @RequestParam(required = false) String viewer) {
        int size = Pages.checkedPageSize(first);
        Moment moment = history.moment(instant(asOf), position);
        CommunityFold community = community(id, moment, viewer);
        boolean moderator = access.moderates(id, viewer);
        List<CommunityMemberView> listed = community.listed(id, moment.asOf()).stream()
                .filter(m -> role == null || role.isEmpty() || role.contains(m.role()))
                .map(m -> shownTo(m, viewer, moderator))
                .toList();
        int from = 0;
        if (after != null && !after.isBlank()) {
            PageCursor cursor = PageCursor.decode(after);
            while (from < listed.size() && !isAfter(listed.get(from), cursor)) {
                from++;
            }
        }
        List<CommunityMemberView> page = listed.subList(from, Math.min(listed.size(), from + size));
        boolean hasNext = from + size < listed.size();
        String endCursor = page.isEmpty() ? null : cursorOf(page.get(page.size() - 1)).encode();
        return new AsOfView<>(moment.asOf(), moment.position(), new Page<>(page, endCursor, hasNext, listed.size()));
    }

    /**
     * A member's reputation then, per community they had joined by then (where it had changed) and
     * across them; private communities the viewer may not read are left out, as now.
     */
    @GetMapping("/pointintime/members/{id}/reputation")
    public AsOfView<ReputationView> reputation(@PathVariable String id,
                                               @RequestParam(required = false) String asOf,
                                               @RequestParam(required = false) Long position,
                                               @RequestParam(required = false) String viewer) {
        Moment moment = history.moment(instant(asOf), position);
        Set<String> hidden = access.unreadablePrivateCommunities(viewer);
        List<ReputationView.CommunityReputationView> communities = history.communitiesJoinedBy(id, moment.position()).stream()
                .filter(c -> !hidden.contains(c))
                .sorted()
                .flatMap(c -> {
                    Integer figure = reputation.totals(c, moment.position()).get(id);
                    return figure == null ? Stream.empty() : Stream.of(new ReputationView.CommunityReputationView(c, figure));
                })
                .toList();
        int total = ReputationRules.BASE + communities.stream().mapToInt(c -> c.reputation() - ReputationRules.BASE).sum();
        return new AsOfView<>(moment.asOf(), moment.position(), new ReputationView(id, total, communities));
    }

    /**
     * What a member could do in a community then: their reputation then, their role then (a current,
     * unbanned member), and the thresholds in force then; owners and moderators held every privilege.
     */
    @GetMapping("/pointintime/communities/{id}/privileges")
    public AsOfView<CommunityPrivilegesView> privileges(@PathVariable String id, @RequestParam String member,
                                                        @RequestParam(required = false) String asOf,
                                                        @RequestParam(required = false) Long position,
                                                        @RequestParam(required = false) String viewer) {
        Moment moment = history.moment(instant(asOf), position);
        CommunityFold community = community(id, moment, viewer);
        int figure = reputation.of(id, member, moment.position());
        CommunityRole role = community.roleOf(member, moment.asOf()).orElse(null);
        boolean staff = role == CommunityRole.OWNER || role == CommunityRole.MODERATOR;
        List<CommunityPrivilegesView.PrivilegeView> privileges = new ArrayList<>();
        for (Privilege privilege : Privilege.values()) {
            int threshold = community.threshold(privilege);
            boolean ungated = threshold == PrivilegePreset.UNGATED;
            boolean held = role != null && (staff || ungated || figure >= threshold);
            privileges.add(new CommunityPrivilegesView.PrivilegeView(privilege, ungated ? null : threshold, held));
        }
        return new AsOfView<>(moment.asOf(), moment.position(),
                new CommunityPrivilegesView(id, member, figure, role, privileges));
    }

    /**
     * A page of the community's feed as it read then (questions and articles in the order asked,
     * optionally of one tag), rebuilt by the feed projection's own code from the community's events
     * up to the moment and read by the feed's own query code.
     */
    @GetMapping("/pointintime/communities/{id}/feed")
    public AsOfView<Page<FeedItemView>> feed(@PathVariable String id,
                                             @RequestParam(required = false) String asOf,
                                             @RequestParam(required = false) Long position,
                                             @RequestParam(defaultValue = "NEWEST") FeedOrder order,
                                             @RequestParam(required = false) String tag,
                                             @RequestParam(required = false) Integer first,
                                             @RequestParam(required = false) String after,
                                             @RequestParam(required = false) String viewer) {
        Pages.checkedPageSize(first);
        Moment moment = history.moment(instant(asOf), position);
        existing(id, moment);
        Page<FeedItemView> page = cached(moment, "feed", String.join("|", id, order.name(), String.valueOf(tag),
                String.valueOf(first), String.valueOf(after), String.valueOf(viewer)), () -> scratch.read(
                history.eventsNamingCommunity(id, List.of(), moment.position()),
                template -> List.of(new CommunityProjection(template), new FeedProjection(template)),
                template -> new CommunityFeed(template, access).read(id, viewer, order, tag, first, after)));
        return new AsOfView<>(moment.asOf(), moment.position(), page);
    }

    /**
     * The experts of one or more topics as they ranked then: the knowledge projection's own code
     * rebuilds the community's graph from its events up to the moment (and the skill endorsements,
     * which name no community), and the graph's own query ranks it, scores decayed to the moment.
     */
    @GetMapping("/pointintime/communities/{id}/experts")
    public AsOfView<Page<ExpertView>> experts(@PathVariable String id,
                                              @RequestParam(required = false) List<String> topic,
                                              @RequestParam(required = false) String asOf,
                                              @RequestParam(required = false) Long position,
                                              @RequestParam(required = false) Integer first,
                                              @RequestParam(required = false) String after,
                                              @RequestParam(required = false) Integer evidence,
                                              @RequestParam(required = false) String viewer) {
        Pages.checkedPageSize(first);
        Moment moment = history.moment(instant(asOf), position);
        existing(id, moment);
        Page<ExpertView> page = cached(moment, "experts", String.join("|", id, String.valueOf(topic), String.valueOf(first),
                String.valueOf(after), String.valueOf(evidence), String.valueOf(viewer)), () -> scratch.read(
                history.eventsNamingCommunity(id, List.of(SkillEndorsed.class, SkillEndorsementWithdrawn.class), moment.position()),
                template -> List.of(new CommunityProjection(template), new KnowledgeProjection(template, halfLife)),
                template -> new KnowledgeGraph(template, access, new Decay(halfLife), Clock.fixed(moment.asOf(), ZoneOffset.UTC))
                        .experts(id, topic, viewer, first, after, evidence)));
        return new AsOfView<>(moment.asOf(), moment.position(), page);
    }

    /**
     * The community as of the moment, 404 UNKNOWN_COMMUNITY before it was founded; whether the
     * viewer may read it is left to the query code that follows (as for the present).
     */
    private CommunityFold existing(String id, Moment moment) {
        CommunityFold community = cached(moment, "community", id, () -> CommunityFold.of(history.eventsOf(id, moment.position())));
        if (!community.exists()) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY",
                    "There is no community with id " + id + " as of " + moment.asOf() + ".");
        }
        return community;
    }

    /** The community as of the moment; 404 UNKNOWN_COMMUNITY before it was founded, or for a viewer who may not read it. */
    private CommunityFold community(String id, Moment moment, String viewer) {
        CommunityFold community = existing(id, moment);
        if (!access.canRead(id, viewer)) {
            throw QueryRejectedException.notFound("UNKNOWN_COMMUNITY",
                    "There is no community with id " + id + " as of " + moment.asOf() + ".");
        }
        return community;
    }

    private static PageCursor cursorOf(CommunityMemberView member) {
        // the same cursor as the present list's (its documents' ids are communityId/memberId)
        return new PageCursor(member.joinedAt() == null ? Instant.EPOCH : member.joinedAt(),
                member.communityId() + "/" + member.memberId());
    }

    /** Whether the member comes after the cursor in the newest-first order. */
    private static boolean isAfter(CommunityMemberView member, PageCursor cursor) {
        PageCursor at = cursorOf(member);
        int byTime = at.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || (byTime == 0 && at.id().compareTo(cursor.id()) < 0);
    }

    private static CommunityMemberView shownTo(CommunityMemberView member, String viewer, boolean moderator) {
        if (member.restrictionReason() == null || moderator || member.memberId().equals(viewer)) {
            return member;
        }
        return new CommunityMemberView(member.communityId(), member.memberId(), member.displayName(), member.role(),
                member.status(), member.restrictedUntil(), null, member.joinedAt());
    }

    /**
     * The cached answer for what was true at the moment's position; a moment of the last seconds is
     * not cached, as a transaction still in flight may yet store an event below its position.
     */
    <T> T cached(Moment moment, String kind, String key, java.util.function.Supplier<T> compute) {
        if (moment.asOf().isAfter(Instant.now().minusSeconds(10))) {
            return compute.get();
        }
        return cache.get(kind, key, moment.position(), compute);
    }

    /** The asOf parameter as an instant; a malformed one is refused (400 {@code INVALID_AS_OF}). */
    static @Nullable Instant instant(@Nullable String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryRejectedException.invalid("INVALID_AS_OF", "asOf is an ISO-8601 instant such as 2026-03-01T09:30:00Z.");
        }
    }
}
