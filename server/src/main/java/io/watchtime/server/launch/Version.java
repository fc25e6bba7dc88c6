package io.watchtime.server.launch;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import picocli.CommandLine;

/** {@code --version}: the build's version, which Maven writes into application.properties at build time. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        String version = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
                .getProperty("spring.application.version", "(development build)");
        return new String[] {"watchtime-server " + version, "Java " + Runtime.version()};
    }
}
