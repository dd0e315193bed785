package dev.praxis.gateway.security;

import dev.praxis.gateway.client.Viewer;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds {@code viewerRole=auditor} to a query-service request that names as {@code viewer} the
 * subject of the current request's verified token when that token grants the auditor role. The
 * feature clients that take the viewer as a bare id (feeds, reputation, knowledge, search, ...) then
 * read as an auditor without each learning about roles; {@code QueryServiceClient} and the audit
 * client set the parameter themselves from the {@link Viewer}.
 *
 * <p>It only ever adds the role that the verified token holds, for that token's own subject: where the
 * security context did not reach the thread, the request reads as the plain member (less, never more).
 */
public class AuditorRoleForwarding implements ClientHttpRequestInterceptor {

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        UriComponents uri = UriComponentsBuilder.fromUri(request.getURI()).build(true);
        String viewer = uri.getQueryParams().getFirst("viewer");
        if (viewer == null || uri.getQueryParams().containsKey(Viewer.ROLE_PARAMETER) || !auditorNamed(viewer)) {
            return execution.execute(request, body);
        }
        URI withRole = UriComponentsBuilder.fromUri(request.getURI())
                .queryParam(Viewer.ROLE_PARAMETER, Viewer.AUDITOR_ROLE).build(true).toUri();
        return execution.execute(new HttpRequestWrapper(request) {
            @Override
            public URI getURI() {
                return withRole;
            }
        }, body);
    }

    /** Whether the verified token of this thread's request is an auditor's whose subject is the (encoded) viewer. */
    private static boolean auditorNamed(String encodedViewer) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
            return false;
        }
        Actor actor = Actor.from(token.getToken());
        String viewer = org.springframework.web.util.UriUtils.decode(encodedViewer, java.nio.charset.StandardCharsets.UTF_8);
        return actor.isAuditor() && actor.id().equals(viewer);
    }
}
