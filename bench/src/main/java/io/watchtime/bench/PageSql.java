package io.watchtime.bench;

import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingsTable;

/** The server's page query as the anchors run it: the same columns, order and deferred join (storage/Dialect). */
final class PageSql {

    /** The columns of {@code viewings} that the server selects for a page. */
    static final String COLUMNS = ViewingsTable.selectList("v.", ViewingsTable.SHOWN);

    private PageSql() {
    }

    /** The API's order over the table {@code v.} (or {@code ""}). */
    static String orderBy(String table, boolean asc) {
        String dir = asc ? " ASC" : " DESC";
        return " ORDER BY " + table + "update_time" + dir + ", " + table + "room_id" + dir + ", " + table + "viewer_id" + dir;
    }

    /** The page at an offset, no filter; parameters: account, OFFSET, account. */
    static String deferredJoin(Dialect dialect, boolean asc) {
        String keys = "SELECT room_id, viewer_id FROM viewings WHERE account_id = ?" + orderBy("", asc) + " LIMIT "
                + Api.PAGE_SIZE + " OFFSET ?";
        return dialect.deferredJoin(COLUMNS, keys, "v.account_id = ? AND v.room_id = k.room_id AND v.viewer_id = k.viewer_id",
                orderBy("v.", asc));
    }
}
