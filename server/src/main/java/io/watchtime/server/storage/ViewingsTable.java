package io.watchtime.server.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The columns of {@code viewings}, once, by name: the select list, the upsert, binding a {@link ViewingRow} to a
 * statement and reading one from a result. A new column is the migration, a line here and a field of the row.
 */
public final class ViewingsTable {

    public static final String NAME = "viewings";

    /**
     * One column: its name, its value in a row (a {@code Long} or a {@code String}, possibly null), and how a row's
     * field goes to a statement and comes back from a result.
     */
    public record Column(String name, boolean numeric, Function<ViewingRow, Object> value, Binder binder,
            Reader reader) {
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement, int index, ViewingRow row) throws SQLException;
    }

    @FunctionalInterface
    public interface Reader {
        void read(ResultSet result, int index, ViewingRow row) throws SQLException;
    }

    public static final List<String> KEY = List.of("account_id", "room_id", "viewer_id");

    public static final List<Column> COLUMNS = List.of(
            number("account_id", r -> r.accountId, (r, v) -> r.accountId = v),
            number("room_id", r -> r.roomId, (r, v) -> r.roomId = v),
            number("viewer_id", r -> r.viewerId, (r, v) -> r.viewerId = v),
            text("viewer_name", r -> r.viewerName, (r, v) -> r.viewerName = v),
            text("viewer_photo", r -> r.viewerPhoto, (r, v) -> r.viewerPhoto = v),
            text("third_uuid", r -> r.thirdUuid, (r, v) -> r.thirdUuid = v),
            text("wx_appid", r -> r.wxAppid, (r, v) -> r.wxAppid = v),
            text("wx_openid", r -> r.wxOpenid, (r, v) -> r.wxOpenid = v),
            text("wx_unionid", r -> r.wxUnionid, (r, v) -> r.wxUnionid = v),
            number("stay_duration", r -> r.stayDuration, (r, v) -> r.stayDuration = v),
            number("live_duration", r -> r.liveDuration, (r, v) -> r.liveDuration = v),
            number("playback_duration", r -> r.playbackDuration, (r, v) -> r.playbackDuration = v),
            number("credited_until", r -> r.creditedUntil, (r, v) -> r.creditedUntil = v),
            text("credited_spans", r -> r.creditedSpans, (r, v) -> r.creditedSpans = v),
            text("open_sessions", r -> r.openSessions, (r, v) -> r.openSessions = v),
            text("ip", r -> r.ip, (r, v) -> r.ip = v),
            text("area", r -> r.area, (r, v) -> r.area = v),
            text("device", r -> r.device, (r, v) -> r.device = v),
            number("channel_id", r -> r.channelId, (r, v) -> r.channelId = v),
            text("channel_name", r -> r.channelName, (r, v) -> r.channelName = v),
            text("store_id", r -> r.storeId, (r, v) -> r.storeId = v),
            number("inviter_id", r -> r.inviterId, (r, v) -> r.inviterId = v),
            text("inviter_name", r -> r.inviterName, (r, v) -> r.inviterName = v),
            number("first_visit", r -> r.firstVisit, (r, v) -> r.firstVisit = v),
            number("last_visit", r -> r.lastVisit, (r, v) -> r.lastVisit = v),
            number("update_time", r -> r.updateTime, (r, v) -> r.updateTime = v));

    /** The writer's bookkeeping, which no answer shows: the query leaves it out of its pages. */
    private static final List<String> WRITER_ONLY = List.of("credited_until", "credited_spans", "open_sessions");

    /** The columns an answer shows, in {@link #COLUMNS} order. */
    public static final List<Column> SHOWN = COLUMNS.stream().filter(c -> !WRITER_ONLY.contains(c.name())).toList();

    private ViewingsTable() {
    }

    /** Every column, each prefixed by {@code alias} (like {@code "v."}, or {@code ""}), in {@link #COLUMNS} order. */
    public static String selectList(String alias) {
        return selectList(alias, COLUMNS);
    }

    /** These columns, each prefixed by {@code alias}. */
    public static String selectList(String alias, List<Column> columns) {
        return columns.stream().map(c -> alias + c.name()).collect(Collectors.joining(", "));
    }

    /** The upsert of whole rows: parameters are {@link #COLUMNS} in order, as {@link #bind} sets them. */
    public static String upsert(Dialect dialect) {
        return dialect.upsert(NAME, KEY, COLUMNS.stream().map(Column::name).filter(n -> !KEY.contains(n)).toList());
    }

    /** The writer's upsert of many whole rows at once; each row's values come from {@link #values}. */
    public static BulkUpsert bulkUpsert(Dialect dialect) {
        return new BulkUpsert(dialect, NAME, COLUMNS.stream().filter(c -> KEY.contains(c.name())).map(ViewingsTable::typed)
                .toList(), COLUMNS.stream().filter(c -> !KEY.contains(c.name())).map(ViewingsTable::typed).toList());
    }

    /** The row's value of every column, in {@link #COLUMNS} order. */
    public static Object[] values(ViewingRow row) {
        Object[] values = new Object[COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = COLUMNS.get(i).value().apply(row);
        }
        return values;
    }

    private static BulkUpsert.Column typed(Column column) {
        return new BulkUpsert.Column(column.name(), column.numeric() ? BulkUpsert.Type.BIGINT : BulkUpsert.Type.TEXT);
    }

    /** Sets parameters {@code first} .. {@code first + COLUMNS.size() - 1}; returns the next free index. */
    public static int bind(PreparedStatement statement, int first, ViewingRow row) throws SQLException {
        int index = first;
        for (Column column : COLUMNS) {
            column.binder().bind(statement, index++, row);
        }
        return index;
    }

    /** The row at the cursor of a result whose columns {@code first ..} are the {@link #selectList}. */
    public static ViewingRow read(ResultSet result, int first) throws SQLException {
        return read(result, first, COLUMNS);
    }

    /** The row at the cursor of a result whose columns {@code first ..} are these; the others keep defaults. */
    public static ViewingRow read(ResultSet result, int first, List<Column> columns) throws SQLException {
        ViewingRow row = new ViewingRow();
        int index = first;
        for (Column column : columns) {
            column.reader().read(result, index++, row);
        }
        return row;
    }

    private static Column number(String name, ToLongFunction<ViewingRow> get, ObjLongConsumer<ViewingRow> set) {
        return new Column(name, true, get::applyAsLong, (s, i, r) -> s.setLong(i, get.applyAsLong(r)),
                (rs, i, r) -> set.accept(r, rs.getLong(i)));
    }

    private static Column text(String name, Function<ViewingRow, String> get, BiConsumer<ViewingRow, String> set) {
        return new Column(name, false, get::apply, (s, i, r) -> s.setString(i, get.apply(r)),
                (rs, i, r) -> set.accept(r, rs.getString(i)));
    }
}
