-- One schema for every database; storage/Dialect fills the three placeholders that differ:
-- ${generated_id} (an id column the database numbers), ${table_options} (MySQL/MariaDB: utf8mb4_bin,
-- so "a" and "A" differ) and ${session_id_type} (VARBINARY there, as _bin collations ignore trailing spaces).
-- Every table leads with account_id: no query crosses accounts, and the data can be sharded by account.

CREATE TABLE accounts (
    id          ${generated_id},
    name        VARCHAR(200) NOT NULL UNIQUE,
    created_at  BIGINT       NOT NULL
)${table_options};

CREATE TABLE api_keys (
    id          ${generated_id},
    account_id  BIGINT       NOT NULL REFERENCES accounts (id),
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    prefix      VARCHAR(16)  NOT NULL,
    scope       VARCHAR(16)  NOT NULL,
    label       VARCHAR(200) NOT NULL,
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT
)${table_options};
CREATE INDEX api_keys_by_account ON api_keys (account_id);

CREATE TABLE rooms (
    account_id          BIGINT      NOT NULL,
    room_id             BIGINT      NOT NULL,
    status              VARCHAR(16) NOT NULL,
    live_credited_until BIGINT      NOT NULL,
    PRIMARY KEY (account_id, room_id)
)${table_options};

CREATE TABLE rounds (
    account_id  BIGINT NOT NULL,
    room_id     BIGINT NOT NULL,
    round_id    BIGINT NOT NULL,
    started_at  BIGINT NOT NULL,
    ended_at    BIGINT NOT NULL, -- 0 while live
    PRIMARY KEY (account_id, room_id, round_id)
)${table_options};

CREATE TABLE sessions (
    account_id  BIGINT       NOT NULL,
    room_id     BIGINT       NOT NULL,
    viewer_id   BIGINT       NOT NULL,
    session_id  ${session_id_type} NOT NULL,
    last_at     BIGINT       NOT NULL,
    mode        VARCHAR(16),
    ended       SMALLINT     NOT NULL,
    PRIMARY KEY (account_id, room_id, viewer_id, session_id)
)${table_options};
CREATE INDEX sessions_by_last_at ON sessions (last_at);

CREATE TABLE viewings (
    account_id       BIGINT        NOT NULL,
    room_id          BIGINT        NOT NULL,
    viewer_id        BIGINT        NOT NULL,
    viewer_name      VARCHAR(256)  NOT NULL,
    viewer_photo     VARCHAR(1024) NOT NULL,
    third_uuid       VARCHAR(256)  NOT NULL,
    wx_appid         VARCHAR(256),          -- the three wx_ columns are all NULL while unknown
    wx_openid        VARCHAR(256),
    wx_unionid       VARCHAR(256),
    stay_duration    BIGINT        NOT NULL,
    live_duration    BIGINT        NOT NULL,
    playback_duration BIGINT       NOT NULL,
    credited_until   BIGINT        NOT NULL, -- no second before this is credited twice, whatever the session
    ip               VARCHAR(64)   NOT NULL,
    area             VARCHAR(128)  NOT NULL,
    device           VARCHAR(16)   NOT NULL,
    channel_id       BIGINT        NOT NULL, -- 0 while unknown
    channel_name     VARCHAR(256)  NOT NULL,
    store_id         VARCHAR(256)  NOT NULL,
    inviter_id       BIGINT        NOT NULL,
    inviter_name     VARCHAR(256)  NOT NULL,
    first_visit      BIGINT        NOT NULL,
    last_visit       BIGINT        NOT NULL,
    update_time      BIGINT        NOT NULL,
    PRIMARY KEY (account_id, room_id, viewer_id)
)${table_options};
-- The API's order is (update_time, room_id, viewer_id); these indexes give it without sorting.
CREATE INDEX viewings_by_update ON viewings (account_id, update_time, room_id, viewer_id);
CREATE INDEX viewings_by_viewer ON viewings (account_id, viewer_id, update_time, room_id);
