-- A record keeps its viewer's sessions (ingest/core/OpenSessions): a viewer event writes one row instead of a record
-- and a session, and the writer loads one table. Sessions open at the upgrade are not carried over: a session that
-- speaks again starts afresh, which credits nothing for its first event after the upgrade (at most max_gap, once).
ALTER TABLE viewings ADD COLUMN open_sessions VARCHAR(4000) NOT NULL DEFAULT '';
DROP TABLE sessions;
