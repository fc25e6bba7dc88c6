package io.watchtime.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** The server: every feature below this package, found by component scan. {@link Main} starts it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WatchtimeApplication {

    /** @param check runs once the settings are known (the launcher's check of them and the first log lines) */
    public static void run(String[] args, ApplicationListener<?> check) {
        SpringApplication application = new SpringApplication(WatchtimeApplication.class);
        application.setMainApplicationClass(WatchtimeApplication.class); // the log names the server, not Main
        application.addListeners(check);
        application.run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
