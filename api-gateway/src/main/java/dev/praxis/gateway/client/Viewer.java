package dev.praxis.gateway.client;

import dev.praxis.gateway.security.Actor;
import graphql.GraphQLContext;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * Who is reading: the signed-in member, or nobody. Every read of the query service names the
 * viewer, and the query service answers only what they may see (a private community's content only
 * for its current members). It is fixed once per request, when the request starts ({@link
 * ViewerInterceptor}), and travels in the request's {@link GraphQLContext} like {@link MinPosition},
 * so that nested fields and data loaders read as the same viewer on whatever thread they run.
 *
 * <p>An auditor (a token with the {@code auditor} role) reads every community, read only: the query
 * service learns it from the parameter {@code viewerRole=auditor} next to {@code viewer}.
 *
 * @param id the member id, the subject of the bearer token; null for an anonymous caller
 * @param auditor whether the token grants the auditor role
 */
public record Viewer(@Nullable String id, boolean auditor) {

    public static final Viewer ANONYMOUS = new Viewer(null, false);

    /** The query service's parameter for the viewer's role, and its one value. */
    public static final String ROLE_PARAMETER = "viewerRole";
    public static final String AUDITOR_ROLE = "auditor";

    /** A viewer without roles. */
    public Viewer(@Nullable String id) {
        this(id, false);
    }

    private static final String CONTEXT_KEY = Viewer.class.getName();

    /** The viewer of this request; anonymous when the request carried no verified token. */
    public static Viewer of(GraphQLContext context) {
        return context.getOrDefault(CONTEXT_KEY, ANONYMOUS);
    }

    /** The viewer that an optional actor is. */
    public static Viewer of(Optional<Actor> actor) {
        return actor.map(Viewer::of).orElse(ANONYMOUS);
    }

    public static Viewer of(Actor actor) {
        return new Viewer(actor.id(), actor.isAuditor());
    }

    static String contextKey() {
        return CONTEXT_KEY;
    }

    public boolean isAnonymous() {
        return id == null;
    }
}
