package io.watchtime.server.redis;

import io.watchtime.server.settings.WatchtimeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one Redis bean; features ask it whether Redis is configured and choose their implementation by that. */
@Configuration(proxyBeanMethods = false)
public class RedisConfig {

    @Bean(destroyMethod = "close")
    Redis redis(WatchtimeProperties properties) {
        return Redis.of(properties.redis());
    }
}
