package io.watchtime.server.viewing;

import io.watchtime.protocol.ViewingRecord;
import java.util.List;

/** A record's place in the API's order: (update_time, room_id, wechat_user_space_id), unique per account. */
record Position(long updateTime, long roomId, long viewerId) {

    static Position ofLast(List<ViewingRecord> rows) {
        ViewingRecord last = rows.get(rows.size() - 1);
        return new Position(last.updateTime(), last.roomId(), last.wechatUserSpaceId());
    }
}
