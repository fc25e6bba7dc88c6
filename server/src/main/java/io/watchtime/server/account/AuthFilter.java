package io.watchtime.server.account;

import io.watchtime.server.web.ApiException;
import io.watchtime.server.web.EndpointPath;
import io.watchtime.server.web.ErrorBody;
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

/** {@code Authorization: Bearer <key>} on the API: 401 without a valid key, 403 without the scope the path needs. */
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
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return scopeFor(EndpointPath.of(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            ErrorBody.write(response, new ApiException(401, "missing Authorization header; send Authorization: Bearer <key>"));
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ErrorBody.write(response, new ApiException(401, "Authorization must be \"Bearer <key>\""));
            return;
        }
        Optional<Principal> principal = keys.authenticate(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            ErrorBody.write(response, new ApiException(401, "unknown or revoked API key"));
            return;
        }
        Scope needed = scopeFor(EndpointPath.of(request));
        if (!principal.get().scope().allows(needed)) {
            ErrorBody.write(response, new ApiException(403, "this key has scope " + principal.get().scope().wire()
                    + "; " + EndpointPath.of(request) + " needs a key with scope " + needed.wire()));
            return;
        }
        principal.get().attachTo(request);
        chain.doFilter(request, response);
    }
}
