package io.watchtime.server.admin;

import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.storage.DatabaseConfig;
import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the admin CLI needs and nothing more: the configured database with its schema migrated, and the account
 * and key tables. Not a {@code @Configuration}, so the server's component scan never picks it up.
 */
@ImportAutoConfiguration({FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@EnableConfigurationProperties(WatchtimeProperties.class)
@Import({DatabaseConfig.class, Accounts.class, ApiKeys.class})
final class AdminContext {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
