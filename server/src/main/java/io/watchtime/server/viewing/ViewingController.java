package io.watchtime.server.viewing;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.DurationList;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.server.account.Principal;
import io.watchtime.server.api.Endpoints;
import io.watchtime.server.api.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /Api/RoomRounds/getAccountUserDurationList/2.0.0}, exactly as the seed documents it. */
@RestController
class ViewingController {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonBodies bodies;
    private final ViewingQueries queries;

    ViewingController(JsonBodies bodies, ViewingQueries queries) {
        this.bodies = bodies;
        this.queries = queries;
    }

    @PostMapping(Endpoints.DURATION_LIST)
    ApiResponse<DurationList> list(HttpServletRequest request) {
        DurationListRequest query = DurationListRequest.fromJson(bodies.read(request, MAX_BODY_BYTES));
        return ApiResponse.success(queries.page(Principal.of(request).accountId(), query));
    }
}
