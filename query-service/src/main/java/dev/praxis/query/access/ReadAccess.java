package dev.praxis.query.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.CommunityVisibility;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may read a community's content. Public and restricted communities are readable by anyone,
 * anonymous callers included; a private community only by its current members (not those who
 * left, not those banned while the ban lasts; a suspended member still reads). Every read path
 * that answers content of more than one community filters with {@link #readableBy}, so that a
 * private community's content never leaves the query service for a non-member.
 *
 * <p>An auditor ({@link ViewerRole}: the request's {@code viewerRole=auditor}) reads every
 * community, read only: they hold no role in any, so no moderator's read opens to them.
 *
 * <p>It reads the {@code communities} and {@code community_members} read models by field name,
 * the two documents that the community projections keep.
 */
@Component
public class ReadAccess {

    private static final String COMMUNITIES = "communities";
    private static final String COMMUNITY_MEMBERS = "community_members";

    private final MongoTemplate mongo;
    private final Clock clock;

    @Autowired
    public ReadAccess(MongoTemplate mongo) {
        this(mongo, Clock.systemUTC());
    }

    public ReadAccess(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Whether the viewer (null: anonymous) may read the community's content; an unknown community is not readable. */
    public boolean canRead(String communityId, @Nullable String viewerId) {
        Document community = mongo.findOne(Query.query(where("_id").is(communityId)), Document.class, COMMUNITIES);
        if (community == null) {
            return false;
        }
        return canRead(communityId, isPrivate(community) ? CommunityVisibility.PRIVATE : CommunityVisibility.PUBLIC, viewerId);
    }

    /**
     * The same for a community already read: a private one's members are looked up, nothing else is
     * read again.
     */
    public boolean canRead(String communityId, CommunityVisibility visibility, @Nullable String viewerId) {
        return ViewerRole.isAuditor() || visibility != CommunityVisibility.PRIVATE || roleOf(communityId, viewerId).isPresent();
    }

    /** The viewer's role in the community while they are a current, unbanned member. */
    public Optional<CommunityRole> roleOf(String communityId, @Nullable String viewerId) {
        if (viewerId == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Document member = mongo.findOne(Query.query(new Criteria().andOperator(
                where("_id").is(communityId + "/" + viewerId), current(now))), Document.class, COMMUNITY_MEMBERS);
        return Optional.ofNullable(member).map(m -> CommunityRole.valueOf(m.getString("role")));
    }

    /** The private communities the viewer may not read (two store calls): few, so a filter by exclusion stays small. */
    public Set<String> unreadablePrivateCommunities(@Nullable String viewerId) {
        Set<String> unreadable = new HashSet<>();
        if (ViewerRole.isAuditor()) {
            return unreadable;
        }
        Query privateOnes = Query.query(where("visibility").is(CommunityVisibility.PRIVATE.name()));
        privateOnes.fields().include("_id");
        mongo.find(privateOnes, Document.class, COMMUNITIES).forEach(community -> unreadable.add(community.getString("_id")));
        if (viewerId == null || unreadable.isEmpty()) {
            return unreadable;
        }
        List<String> memberships = unreadable.stream().map(id -> id + "/" + viewerId).toList();
        mongo.find(Query.query(new Criteria().andOperator(where("_id").in(memberships), current(clock.instant()))),
                        Document.class, COMMUNITY_MEMBERS)
                .forEach(member -> unreadable.remove(member.getString("communityId")));
        return unreadable;
    }

    /** A criteria on a document's community field that keeps only what the viewer may read. */
    public Criteria readableBy(String communityField, @Nullable String viewerId) {
        Set<String> unreadable = unreadablePrivateCommunities(viewerId);
        return unreadable.isEmpty() ? new Criteria() : where(communityField).nin(unreadable);
    }

    /**
     * {@code filter}, narrowed to what the viewer may read; {@code filter} itself when nothing is
     * hidden from them (no empty {@code $and} member, no second condition on a field of {@code filter}).
     */
    public Criteria readable(Criteria filter, String communityField, @Nullable String viewerId) {
        Set<String> unreadable = unreadablePrivateCommunities(viewerId);
        return unreadable.isEmpty() ? filter : new Criteria().andOperator(filter, where(communityField).nin(unreadable));
    }

    /** Whether the viewer moderates the community now: its owner or one of its moderators, not banned. */
    public boolean moderates(String communityId, @Nullable String viewerId) {
        return roleOf(communityId, viewerId)
                .filter(role -> role == CommunityRole.OWNER || role == CommunityRole.MODERATOR)
                .isPresent();
    }

    /** A member now: holds a role, has not left, is not banned (or the ban has run out). */
    private static Criteria current(Instant now) {
        return new Criteria().andOperator(
                where("role").ne(null),
                where("left").ne(true),
                new Criteria().orOperator(where("banned").ne(true), where("bannedUntil").lte(now)));
    }

    private static boolean isPrivate(Document community) {
        return CommunityVisibility.PRIVATE.name().equals(community.getString("visibility"));
    }
}
