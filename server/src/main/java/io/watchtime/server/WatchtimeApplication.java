package io.watchtime.server;

import io.watchtime.server.account.AccountCommands;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WatchtimeApplication {

    /** Runs the server, or with a first argument of {@code account} or {@code key}, the admin CLI. */
    public static void main(String[] args) {
        if (args.length > 0 && AccountCommands.handles(args[0])) {
            System.exit(AccountCommands.run(args));
        }
        SpringApplication.run(WatchtimeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
