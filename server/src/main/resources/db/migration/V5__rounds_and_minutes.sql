-- Per-round records and the per-minute audience of a room, both kept at ingest (issue 10).
-- round_viewings: the seconds of one viewer that belong to one round (ingest/core decides which round owns a
-- second; the rule is written beside it). Written as additive deltas, so the writer never loads them.
CREATE TABLE round_viewings (
    account_id        BIGINT NOT NULL,
    room_id           BIGINT NOT NULL,
    round_id          BIGINT NOT NULL,
    viewer_id         BIGINT NOT NULL,
    stay_duration     BIGINT NOT NULL,
    live_duration     BIGINT NOT NULL,
    playback_duration BIGINT NOT NULL,
    first_visit       BIGINT NOT NULL, -- first second credited to this round
    last_visit        BIGINT NOT NULL, -- last second credited to this round
    update_time       BIGINT NOT NULL,
    PRIMARY KEY (account_id, room_id, round_id, viewer_id)
)${table_options};
CREATE INDEX round_viewings_by_update_time ON round_viewings (account_id, room_id, round_id, update_time, viewer_id);

-- room_minutes: distinct viewers credited with at least one second in the minute starting at `minute` (epoch
-- seconds, a multiple of 60). A viewer adds 1 to a minute the first time one of its seconds there is credited.
CREATE TABLE room_minutes (
    account_id BIGINT NOT NULL,
    room_id    BIGINT NOT NULL,
    minute     BIGINT NOT NULL,
    online     BIGINT NOT NULL,
    PRIMARY KEY (account_id, room_id, minute)
)${table_options};
