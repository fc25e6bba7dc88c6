package io.watchtime.server.viewing;

import io.watchtime.protocol.CursorPage;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.account.Principal;
import io.watchtime.protocol.Paths;
import io.watchtime.server.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /Api/RoomRounds/getAccountUserDurationList/2.0.0}, exactly as the seed documents it. */
@RestController
class ViewingController {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonBodies bodies;
    private final ViewingQueries queries;
    private final boolean cursorEnabled;

    ViewingController(JsonBodies bodies, ViewingQueries queries, WatchtimeProperties properties) {
        this.bodies = bodies;
        this.queries = queries;
        this.cursorEnabled = properties.cursor().enabled();
    }

    /**
     * The documented page, or with a {@code cursor} (when enabled) a {@link CursorPage} that adds next_cursor;
     * written straight from the rows ({@link PageBody}).
     */
    @PostMapping(Paths.DURATION_LIST)
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode json = bodies.read(request, MAX_BODY_BYTES);
        if (!cursorEnabled && json instanceof ObjectNode object) {
            object.remove("cursor"); // switched off, the extension's field is just an unknown one
        }
        DurationListRequest query = DurationListRequest.fromJson(json);
        long accountId = Principal.of(request).accountId();
        PageBody answer = query.cursor() != null ? queries.cursorPage(accountId, query) : queries.page(accountId, query);
        answer.send(request, response);
    }
}
