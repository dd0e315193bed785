package dev.praxis.query.feed;

import dev.praxis.api.query.FeedItemView;
import dev.praxis.api.query.Page;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The feeds: a community's, a member's activity, a member's home feed (to that member only). */
@RestController
public class FeedQueries {

    private final CommunityFeed communityFeed;
    private final ActivityFeed activityFeed;
    private final HomeFeed homeFeed;
    private final ReadConsistency consistency;

    public FeedQueries(CommunityFeed communityFeed, ActivityFeed activityFeed, HomeFeed homeFeed,
                       ReadConsistency consistency) {
        this.communityFeed = communityFeed;
        this.activityFeed = activityFeed;
        this.homeFeed = homeFeed;
        this.consistency = consistency;
    }

    @GetMapping("/communities/{communityId}/feed")
    public Page<FeedItemView> communityFeed(@PathVariable String communityId,
                                            @RequestParam(defaultValue = "NEWEST") FeedOrder order,
                                            @RequestParam(required = false) String tag,
                                            @RequestParam(required = false) Integer first,
                                            @RequestParam(required = false) String after,
                                            @RequestParam(required = false) String viewer,
                                            @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return communityFeed.read(communityId, viewer, order, tag, first, after);
    }

    @GetMapping("/members/{memberId}/activity")
    public Page<FeedItemView> activity(@PathVariable String memberId,
                                       @RequestParam(required = false) Integer first,
                                       @RequestParam(required = false) String after,
                                       @RequestParam(required = false) String viewer,
                                       @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return activityFeed.read(memberId, viewer, first, after);
    }

    @GetMapping("/members/{memberId}/home-feed")
    public Page<FeedItemView> homeFeed(@PathVariable String memberId,
                                       @RequestParam(required = false) Integer first,
                                       @RequestParam(required = false) String after,
                                       @RequestParam(required = false) String viewer,
                                       @RequestParam(required = false) Long minPosition) {
        if (!memberId.equals(viewer)) {
            throw new QueryRejectedException(403, "FORBIDDEN", "NOT_YOUR_FEED", "A home feed is shown to its member only.");
        }
        consistency.awaitPosition(minPosition);
        return homeFeed.read(memberId, first, after);
    }
}
