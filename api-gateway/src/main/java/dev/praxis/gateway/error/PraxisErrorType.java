package dev.praxis.gateway.error;

import graphql.ErrorClassification;

/**
 * Error classifications beyond Spring for GraphQL's {@link org.springframework.graphql.execution.ErrorType}:
 * they appear as {@code extensions.classification} with the constant's name.
 */
public enum PraxisErrorType implements ErrorClassification {

    /** The act conflicts with the current state: already a member, already voted, name taken. */
    CONFLICT,

    /** A backend service is unreachable or has not caught up yet; the same request may succeed later. */
    UNAVAILABLE,

    /** The caller has spent their budget of points for the hour; {@code rateLimit.resetAt} says when it renews. */
    RATE_LIMITED
}
