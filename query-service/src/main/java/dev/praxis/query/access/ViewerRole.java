package dev.praxis.query.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The role the gateway vouches for beside the viewer, from the request parameter {@code viewerRole}:
 * {@code auditor} lets {@link ReadAccess} open every community to the request, read only. It holds
 * for the request's thread while the request runs, so that every existing read path honours it
 * without a new parameter. The gateway sets the parameter only for a verified token with the
 * {@code auditor} role; the query service, like for {@code viewer}, trusts its only caller.
 */
@Component
public class ViewerRole extends OncePerRequestFilter {

    public static final String PARAMETER = "viewerRole";
    public static final String AUDITOR = "auditor";

    private static final ThreadLocal<Boolean> AUDITING = new ThreadLocal<>();

    /** Whether the current request reads as an auditor; false outside requests (projections, jobs). */
    public static boolean isAuditor() {
        return Boolean.TRUE.equals(AUDITING.get());
    }

    /** Runs {@code work} as an auditor's request would (for tests and internal callers). */
    public static <T> T asAuditor(java.util.function.Supplier<T> work) {
        Boolean before = AUDITING.get();
        AUDITING.set(true);
        try {
            return work.get();
        } finally {
            AUDITING.set(before);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean auditor = AUDITOR.equals(request.getParameter(PARAMETER));
        AUDITING.set(auditor);
        try {
            chain.doFilter(request, response);
        } finally {
            AUDITING.remove();
        }
    }
}
