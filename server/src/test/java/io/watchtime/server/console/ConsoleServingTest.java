package io.watchtime.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console and its assets come from the jar without a key; the API behind it still wants one. */
class ConsoleServingTest extends HttpTest {

    private Reply get(String path) {
        return send("GET", path, Map.of(), null);
    }

    @Test
    void theRootAndTheBareConsolePathLeadToTheConsole() {
        assertThat(get("/").status()).isEqualTo(302);
        assertThat(get("/").header("Location")).endsWith("/console/");
        assertThat(get("/console").header("Location")).endsWith("/console/");
    }

    @Test
    void thePageComesWithAPolicyThatAllowsOnlyTheServersOwnScripts() {
        Reply page = get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContain("<script>").doesNotContain("http://").doesNotContain("https://");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").contains("connect-src 'self'");
        assertThat(get("/console/app.js").header("Content-Type")).startsWith("text/javascript");
    }

    @Test
    void echartsIsServedFromTheJar() {
        Reply echarts = get("/webjars/echarts/dist/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(echarts.raw().body()).contains("echarts");
    }

    @Test
    void theApiStillNeedsAKeyAndUnknownPathsStayJson404s() {
        assertThat(post(LIST_PATH, null, "application/json", "{}").status()).isEqualTo(401);
        Reply missing = get("/console/no-such-file.js");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asInt()).isEqualTo(404);
    }
}
