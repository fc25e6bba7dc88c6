package io.watchtime.server.viewing;

import io.watchtime.server.redis.Redis;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Walk positions shared by the nodes through Redis when it is configured, otherwise kept by each node. */
@Configuration(proxyBeanMethods = false)
class PageWalkCaches {

    @Bean
    PageWalkCache pageWalkCache(Redis redis, Clock clock) {
        return redis.configured() ? new RedisPageWalkCache(redis, clock) : new InProcessPageWalkCache();
    }
}
