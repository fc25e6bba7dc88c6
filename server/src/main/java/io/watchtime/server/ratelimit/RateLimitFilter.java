package io.watchtime.server.ratelimit;

import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.account.Principal;
import io.watchtime.server.redis.Redis;
import io.watchtime.server.web.ApiException;
import io.watchtime.protocol.Paths;
import io.watchtime.server.web.EndpointPath;
import io.watchtime.server.web.ErrorBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per account and endpoint, after authentication: 429 with {@code Retry-After} past the limit. Across all nodes
 * when Redis is configured, per node otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final WatchtimeProperties.RateLimit settings;

    RateLimitFilter(WatchtimeProperties properties, Clock clock, Redis redis) {
        this.settings = properties.rateLimit();
        long windowMillis = settings.window().toMillis();
        this.limiter = redis.configured()
                ? new RedisRateLimiter(redis, settings.requests(), windowMillis, settings.expectedNodes(), clock)
                : new InProcessRateLimiter(settings.requests(), windowMillis, clock);
    }

    /** Known endpoints count apart; all other paths share one budget, so made-up paths cannot grow the map. */
    private static String endpoint(String path) {
        return Paths.API.contains(path) ? path : "other";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return Principal.find(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waitMillis = limiter.tryAcquire(Principal.find(request).accountId() + " " + endpoint(EndpointPath.of(request)));
        if (waitMillis > 0) {
            long seconds = (waitMillis + 999) / 1000;
            ErrorBody.write(response, new ApiException(429, "rate limit: at most " + settings.requests()
                    + " requests in " + settings.window().toSeconds() + " s per account and endpoint; retry in "
                    + seconds + " s", seconds));
            return;
        }
        chain.doFilter(request, response);
    }
}
