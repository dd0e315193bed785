package dev.praxis.gateway.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first limit a POST to the GraphQL endpoint meets, before anything parses it: a body larger
 * than {@code praxis.graphql.max-request-size} is refused with 413 and {@code REQUEST_TOO_LARGE},
 * without being read to its end. A body that is a JSON array (a batch of operations) goes to
 * {@link BatchedOperations}; any other body continues as it came.
 */
@Component
class RequestBodyFilter extends OncePerRequestFilter {

    private final String path;
    private final long maxBytes;
    private final BatchedOperations batches;
    private final JsonMapper json;

    RequestBodyFilter(GraphQlProperties graphQl, LimitsProperties limits, BatchedOperations batches, JsonMapper json) {
        this.path = graphQl.getHttp().getPath();
        this.maxBytes = limits.maxRequestSize().toBytes();
        this.batches = batches;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.equals(request.getRequestURI().substring(
                request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        byte[] body = declared > maxBytes ? null : request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body == null || body.length > maxBytes) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "REQUEST_TOO_LARGE",
                    "The request body is larger than " + maxBytes + " bytes. Send a smaller document, "
                            + "or its hash alone (persisted queries).");
            return;
        }
        if (isJsonArray(body)) {
            batches.execute(request, body, response);
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean isJsonArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        Map<String, Object> body = Refusals.errorBody(ErrorType.BAD_REQUEST, code, message);
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** The request with the body this filter has already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
