-- The update_time of each account's last change, kept beside its version in the row every writer locks first:
-- update_time never steps back for an account, whichever node wrote last and whatever its clock says.
ALTER TABLE account_versions ADD COLUMN update_time BIGINT NOT NULL DEFAULT 0;
UPDATE account_versions SET update_time = (SELECT COALESCE(MAX(v.update_time), 0) FROM viewings v
                                           WHERE v.account_id = account_versions.account_id);
