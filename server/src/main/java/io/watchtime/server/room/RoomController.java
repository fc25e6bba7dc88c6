package io.watchtime.server.room;

import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.Paths;
import io.watchtime.protocol.RoomDurationList;
import io.watchtime.protocol.RoomDurationListRequest;
import io.watchtime.server.account.Principal;
import io.watchtime.server.room.RoomAnswers.DeviceStats;
import io.watchtime.server.room.RoomAnswers.Ranking;
import io.watchtime.server.room.RoomAnswers.RoomList;
import io.watchtime.server.room.RoomAnswers.Series;
import io.watchtime.server.room.RoomAnswers.Summary;
import io.watchtime.server.room.RoomAnswers.Trend;
import io.watchtime.server.room.RoomRequests.RoomPage;
import io.watchtime.server.web.JsonBodies;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The room endpoints of issue 10: Nuoyun's getRoomUserDurationList and deviceStatList, and our own room list,
 * summary, online series, ranking and account trend. Bodies, errors, keys and limits work as for the seed API.
 */
@RestController
class RoomController {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonBodies bodies;
    private final RoomRecords records;
    private final RoomStats stats;
    private final AccountRooms accountRooms;

    RoomController(JsonBodies bodies, RoomRecords records, RoomStats stats, AccountRooms accountRooms) {
        this.bodies = bodies;
        this.records = records;
        this.stats = stats;
        this.accountRooms = accountRooms;
    }

    @PostMapping(Paths.ROOM_DURATION_LIST)
    ApiResponse<RoomDurationList> roomDurationList(HttpServletRequest request) {
        RoomDurationListRequest query = RoomDurationListRequest.fromJson(body(request));
        return ApiResponse.success(records.page(account(request), query));
    }

    @PostMapping(Paths.DEVICE_STATS)
    ApiResponse<DeviceStats> deviceStats(HttpServletRequest request) {
        long roomId = RoomRequests.roomId(body(request));
        return ApiResponse.success(stats.devices(account(request), roomId));
    }

    @PostMapping(Paths.ROOM_LIST)
    ApiResponse<RoomList> roomList(HttpServletRequest request) {
        RoomPage page = RoomPage.fromJson(body(request));
        return ApiResponse.success(accountRooms.rooms(account(request), page));
    }

    @PostMapping(Paths.ROOM_SUMMARY)
    ApiResponse<Summary> summary(HttpServletRequest request) {
        long roomId = RoomRequests.roomId(body(request));
        return ApiResponse.success(stats.summary(account(request), roomId));
    }

    @PostMapping(Paths.ONLINE_SERIES)
    ApiResponse<Series> onlineSeries(HttpServletRequest request) {
        RoomRequests.Series window = RoomRequests.Series.fromJson(body(request));
        return ApiResponse.success(new Series(stats.series(account(request), window)));
    }

    @PostMapping(Paths.ROOM_RANKING)
    ApiResponse<Ranking> ranking(HttpServletRequest request) {
        RoomRequests.Ranking ranking = RoomRequests.Ranking.fromJson(body(request));
        return ApiResponse.success(new Ranking(stats.ranking(account(request), ranking)));
    }

    @PostMapping(Paths.ACCOUNT_TREND)
    ApiResponse<Trend> accountTrend(HttpServletRequest request) {
        int days = RoomRequests.days(body(request));
        return ApiResponse.success(new Trend(accountRooms.trend(account(request), days)));
    }

    private JsonNode body(HttpServletRequest request) {
        return bodies.read(request, MAX_BODY_BYTES);
    }

    private static long account(HttpServletRequest request) {
        return Principal.of(request).accountId();
    }
}
