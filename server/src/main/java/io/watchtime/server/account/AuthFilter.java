package io.watchtime.server.account;

import io.watchtime.server.web.ApiException;
import io.watchtime.server.web.EndpointPath;
import io.watchtime.server.web.ErrorBody;
import io.watchtime.server.web.UnreadBodyValve;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <key>} on the API: 401 without a valid key, 403 without the scope the path needs.
 * It runs before anything reads the body, and a refused request's body is never read: the connection closes after
 * the answer (only requests it {@link UnreadBodyValve#trust trusts} keep theirs), so a client without a key cannot
 * hold a worker by sending its body slowly.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AuthFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    AuthFilter(ApiKeys keys) {
        this.keys = keys;
    }

    /** The scope a path needs, or null for paths that are not the API. */
    static Scope scopeFor(String path) {
        if (path.startsWith("/Api/")) {
            return Scope.READ;
        }
        if (path.startsWith("/ingest/")) {
            return Scope.INGEST;
        }
        return null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (scopeFor(EndpointPath.of(request)) == null) {
            // Not the API: no key to check, and no body worth reading on a worker.
            UnreadBodyValve.closeAfterAnswer(request, response);
            chain.doFilter(request, response);
            return;
        }
        Optional<Principal> principal = authorized(request, response);
        if (principal.isPresent()) {
            principal.get().attachTo(request);
            UnreadBodyValve.trust(request);
            chain.doFilter(request, response);
        }
    }

    /** The request's principal, or empty after answering the refusal. */
    private Optional<Principal> authorized(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Principal> principal = check(request, response);
        if (principal.isEmpty()) {
            UnreadBodyValve.closeAfterAnswer(request, response);
        }
        return principal;
    }

    private Optional<Principal> check(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            ErrorBody.write(response, new ApiException(401, "missing Authorization header; send Authorization: Bearer <key>"));
            return Optional.empty();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ErrorBody.write(response, new ApiException(401, "Authorization must be \"Bearer <key>\""));
            return Optional.empty();
        }
        Optional<Principal> principal = keys.authenticate(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            ErrorBody.write(response, new ApiException(401, "unknown or revoked API key"));
            return Optional.empty();
        }
        Scope needed = scopeFor(EndpointPath.of(request));
        if (!principal.get().scope().allows(needed)) {
            ErrorBody.write(response, new ApiException(403, "this key has scope " + principal.get().scope().wire()
                    + "; " + EndpointPath.of(request) + " needs a key with scope " + needed.wire()));
            return Optional.empty();
        }
        return principal;
    }
}
