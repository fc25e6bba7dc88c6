package io.watchtime.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before every filter of ours: a database outage met anywhere in the chain (the key lookup of the auth filter, the limiter, a
 * controller) is answered with the 503 of {@link DatabaseOutage}, not a 500, so a client knows to come back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5) // inside Spring's request metrics (+1), so they count its 503s
class OutageFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            ApiException outage = DatabaseOutage.answerFor(e);
            if (outage == null || response.isCommitted()) {
                throw e;
            }
            DatabaseOutage.report(request, e);
            response.reset();
            ErrorBody.write(response, outage);
        }
    }
}
