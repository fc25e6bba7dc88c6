package io.watchtime.server.viewing;

/** A record's place in the API's order: (update_time, room_id, wechat_user_space_id), unique per account. */
record Position(long updateTime, long roomId, long viewerId) {
}
