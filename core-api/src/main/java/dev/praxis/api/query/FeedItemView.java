package dev.praxis.api.query;

import java.time.Instant;
import java.util.List;

/**
 * One item of a feed. In a community feed an item is a post ({@code kind} QUESTION or ARTICLE); in
 * a member's activity or home feed it is an act ({@code kind} ASKED, ANSWERED, COMMENTED,
 * PUBLISHED) by {@code actorId} on a post. {@code postId} is the question, answer, comment or
 * article the item is about, {@code questionId} its question (null for an article).
 * {@code position} is the global position of the event that caused the item, a place in the event
 * stream from which a subscription can resume; {@code cursor} pages on after this item.
 * {@code hotScore} is set in a community feed only; {@code reason} in a home feed only (FOLLOWED_MEMBER,
 * FOLLOWED_TAG, FOLLOWED_QUESTION: why the item reached the member).
 */
public record FeedItemView(
        String id,
        String kind,
        String postId,
        String questionId,
        String communityId,
        String actorId,
        String title,
        List<String> tags,
        Instant occurredAt,
        Instant lastActivityAt,
        Double hotScore,
        String reason,
        long position,
        String cursor) {
}
