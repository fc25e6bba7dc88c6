-- Live vs replay follows the room's own timeline at the seconds credited, whatever order room and viewer events
-- arrive in: each record keeps its recent credited seconds (ingest/core/CreditedSpans), and a late room event
-- splits them again. Rounds are no longer stretched over credited live time, so rooms lose that column.
ALTER TABLE viewings ADD COLUMN credited_spans VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE rooms DROP COLUMN live_credited_until;
