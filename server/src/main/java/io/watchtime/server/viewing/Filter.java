package io.watchtime.server.viewing;

import io.watchtime.protocol.DurationListRequest;
import java.util.ArrayList;
import java.util.List;

/** Which records a request asks for; zero means "no bound" / "every viewer", as in the contract. */
record Filter(long accountId, long viewerId, long updateTimeStart, long updateTimeEnd) {

    static Filter of(long accountId, DurationListRequest request) {
        return new Filter(accountId, request.wechatUserSpaceId(), request.updateTimeStart(), request.updateTimeEnd());
    }

    String where() {
        StringBuilder where = new StringBuilder("account_id = ?");
        if (viewerId > 0) {
            where.append(" AND viewer_id = ?");
        }
        if (updateTimeStart > 0) {
            where.append(" AND update_time >= ?");
        }
        if (updateTimeEnd > 0) {
            where.append(" AND update_time <= ?");
        }
        return where.toString();
    }

    /** The values of {@link #where()}'s placeholders, in order. */
    List<Object> args() {
        List<Object> args = new ArrayList<>(4);
        args.add(accountId);
        if (viewerId > 0) {
            args.add(viewerId);
        }
        if (updateTimeStart > 0) {
            args.add(updateTimeStart);
        }
        if (updateTimeEnd > 0) {
            args.add(updateTimeEnd);
        }
        return args;
    }
}
