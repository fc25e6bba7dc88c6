package io.watchtime.server.account;

import io.watchtime.server.api.ApiException;
import io.watchtime.server.api.ErrorResponses;
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
    private final ErrorResponses errors;

    AuthFilter(ApiKeys keys, ErrorResponses errors) {
        this.keys = keys;
        this.errors = errors;
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

    /**
     * The path as Spring MVC routes it: decoded and without {@code ;parameters}. The raw URI spells one endpoint
     * many ways ({@code /%41pi/...}, {@code ...;x=1}), so it must not decide the scope or the rate-limit key.
     */
    public static String endpointPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return scopeFor(endpointPath(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            errors.write(response, new ApiException(401, "missing Authorization header; send Authorization: Bearer <key>"));
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            errors.write(response, new ApiException(401, "Authorization must be \"Bearer <key>\""));
            return;
        }
        Optional<Principal> principal = keys.authenticate(header.substring(BEARER.length()).trim());
        if (principal.isEmpty()) {
            errors.write(response, new ApiException(401, "unknown or revoked API key"));
            return;
        }
        Scope needed = scopeFor(endpointPath(request));
        if (!principal.get().scope().allows(needed)) {
            errors.write(response, new ApiException(403, "this key has scope " + principal.get().scope().wire()
                    + "; " + endpointPath(request) + " needs a key with scope " + needed.wire()));
            return;
        }
        principal.get().attachTo(request);
        chain.doFilter(request, response);
    }
}
