package io.watchtime.server.viewing;

import io.watchtime.protocol.DurationListRequest;
import io.watchtime.server.storage.Sql;

/**
 * Which records a request asks for; zero means "no bound" / "every viewer", as in the contract. The SQL condition
 * and the same test in memory stand side by side, so that they cannot drift apart.
 */
record Filter(long accountId, long viewerId, long updateTimeStart, long updateTimeEnd) {

    static Filter of(long accountId, DurationListRequest request) {
        return new Filter(accountId, request.wechatUserSpaceId(), request.updateTimeStart(), request.updateTimeEnd());
    }

    /** Appends the condition on {@code viewings} (without {@code WHERE}) and its values. */
    Sql where(Sql sql) {
        sql.append("account_id = ?", accountId);
        if (viewerId > 0) {
            sql.append(" AND viewer_id = ?", viewerId);
        }
        if (updateTimeStart > 0) {
            sql.append(" AND update_time >= ?", updateTimeStart);
        }
        if (updateTimeEnd > 0) {
            sql.append(" AND update_time <= ?", updateTimeEnd);
        }
        return sql;
    }

    /** {@link #where} in memory, for a record of this account with this viewer and update_time. */
    boolean matches(long recordViewerId, long updateTime) {
        return (viewerId == 0 || viewerId == recordViewerId)
                && (updateTimeStart == 0 || updateTime >= updateTimeStart)
                && (updateTimeEnd == 0 || updateTime <= updateTimeEnd);
    }
}
