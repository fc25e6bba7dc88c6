-- Each account's version of its viewing records, raised in the same transaction as every change to them,
-- so that a kept total knows whether it is still exact, whichever node wrote (viewing/Totals).
CREATE TABLE account_versions (
    account_id  BIGINT NOT NULL PRIMARY KEY,
    version     BIGINT NOT NULL
)${table_options};
