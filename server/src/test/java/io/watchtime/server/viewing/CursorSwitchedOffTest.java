package io.watchtime.server.viewing;

import static io.watchtime.server.support.Replies.assertSuccess;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** With {@code watchtime.cursor.enabled=false} the server speaks the documented contract only. */
@TestPropertySource(properties = "watchtime.cursor.enabled=false")
class CursorSwitchedOffTest extends HttpTest {

    @Test
    void cursorIsAnUnknownFieldAndNoNextCursorIsSent() {
        TestAccount account = newAccount();
        for (String cursor : new String[] {"\"\"", "\"garbage\"", "42", "{}"}) {
            JsonNode data = assertSuccess(list(account.readKey(),
                    "{\"page\":1,\"page_size\":10,\"sort\":\"desc\",\"cursor\":" + cursor + "}"));
            List<String> fields = new ArrayList<>();
            data.propertyNames().forEach(fields::add);
            assertThat(fields).as("cursor %s", cursor).containsExactly("total", "list");
        }
    }
}
