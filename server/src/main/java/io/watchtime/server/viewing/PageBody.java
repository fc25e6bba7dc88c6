package io.watchtime.server.viewing;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.storage.ViewingsTable;
import io.watchtime.server.web.ApiTimes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

/**
 * One answer of getAccountUserDurationList, written as JSON straight from the result set: each row goes through
 * a JsonGenerator as it is read, with no record objects and no list between (building 500 records and their
 * nested objects, then walking them again with Jackson, was most of a page's cost). The JSON is the protocol's
 * {@code ApiResponse} of a {@code DurationList} or {@code CursorPage}: same names, order and types.
 * <p>
 * The whole answer is written into buffers the thread keeps for its next answer, and sent only once the rows are
 * all read: a database failure halfway still becomes the usual error answer, and the answer has a length.
 * Buffers grown past {@link #MAX_KEPT_BYTES} are dropped; a thread keeps ~2 x 300 KB + 40 KB after a page of 500.
 */
final class PageBody implements RowCallbackHandler {

    /** A buffer grown past this (long texts in a page) is dropped after the answer rather than kept. */
    private static final int MAX_KEPT_BYTES = 1 << 20;
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    // The names of ViewingRecord, ThirdWechatInfo and ChannelInfo, in their @JsonPropertyOrder.
    private static final SerializableString ROOM_ID = name("room_id");
    private static final SerializableString VIEWER_ID = name("wechat_user_space_id");
    private static final SerializableString VIEWER_NAME = name("wechat_user_name");
    private static final SerializableString VIEWER_PHOTO = name("wechat_user_photo");
    private static final SerializableString STAY = name("stay_duration");
    private static final SerializableString IP = name("ip");
    private static final SerializableString THIRD_UUID = name("third_uuid");
    private static final SerializableString WECHAT = name("third_wechat_info");
    private static final SerializableString APPID = name("authorizer_appid");
    private static final SerializableString OPENID = name("openid");
    private static final SerializableString UNIONID = name("unionid");
    private static final SerializableString LIVE = name("live_duration");
    private static final SerializableString PLAYBACK = name("playback_duration");
    private static final SerializableString CHANNEL = name("channel_info");
    private static final SerializableString CHANNEL_ID = name("channel_id");
    private static final SerializableString CHANNEL_NAME = name("channel_name");
    private static final SerializableString STORE_ID = name("store_id");
    private static final SerializableString INVITER_ID = name("invited_wechat_user_space_id");
    private static final SerializableString INVITER_NAME = name("invited_name");
    private static final SerializableString FIRST_VISIT = name("first_visit_time");
    private static final SerializableString LAST_VISIT = name("last_visit_time");
    private static final SerializableString DEVICE = name("device");
    private static final SerializableString AREA = name("area");
    private static final SerializableString UPDATE_TIME = name("update_time");

    /** The buffers of one thread: the list, the whole answer around it, and that answer gzipped. */
    private static final class Buffers {
        final Bytes list = new Bytes();
        final Bytes answer = new Bytes();
        final Bytes gzipped = new Bytes();
        final Gzip gzip = new Gzip();
    }

    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(64 * 1024);
        }

        int capacity() {
            return buf.length;
        }

        byte[] array() {
            return buf;
        }
    }

    private final JsonMapper json;
    private final ApiTimes times;
    private final Buffers buffers = BUFFERS.get();
    private final JsonGenerator list;
    private int count;
    private Position last;

    PageBody(JsonMapper json, ApiTimes times) {
        this.json = json;
        this.times = times;
        buffers.list.reset();
        buffers.answer.reset();
        this.list = json.createGenerator(buffers.list);
        list.writeStartArray();
    }

    /** Writes the row at the cursor of a result whose columns are {@link ViewingsTable#SHOWN}. */
    @Override
    public void processRow(ResultSet rs) throws SQLException {
        ViewingRow r = ViewingsTable.read(rs, 1, ViewingsTable.SHOWN);
        JsonGenerator g = list;
        g.writeStartObject();
        g.writeName(ROOM_ID);
        g.writeNumber(r.roomId);
        g.writeName(VIEWER_ID);
        g.writeNumber(r.viewerId);
        g.writeName(VIEWER_NAME);
        g.writeString(r.viewerName);
        g.writeName(VIEWER_PHOTO);
        g.writeString(r.viewerPhoto);
        g.writeName(STAY);
        g.writeNumber(r.stayDuration);
        g.writeName(IP);
        g.writeString(r.ip);
        g.writeName(THIRD_UUID);
        g.writeString(r.thirdUuid);
        g.writeName(WECHAT);
        writeWechat(ThirdWechatInfo.of(r.wxAppid, r.wxOpenid, r.wxUnionid));
        g.writeName(LIVE);
        g.writeNumber(r.liveDuration);
        g.writeName(PLAYBACK);
        g.writeNumber(r.playbackDuration);
        g.writeName(CHANNEL);
        writeChannel(ChannelInfo.of(r.channelId, r.channelName, r.storeId));
        g.writeName(INVITER_ID);
        g.writeNumber(r.inviterId);
        g.writeName(INVITER_NAME);
        g.writeString(r.inviterName);
        g.writeName(FIRST_VISIT);
        g.writeString(format(r.firstVisit));
        g.writeName(LAST_VISIT);
        g.writeString(format(r.lastVisit));
        g.writeName(DEVICE);
        g.writeString(r.device);
        g.writeName(AREA);
        g.writeString(r.area);
        g.writeName(UPDATE_TIME);
        g.writeNumber(r.updateTime);
        g.writeEndObject();
        count++;
        last = new Position(r.updateTime, r.roomId, r.viewerId);
    }

    /** How many records the list holds so far. */
    int count() {
        return count;
    }

    /** The last record's position, or null while the list is empty. */
    Position last() {
        return last;
    }

    /** Ends the answer as a {@code DurationList}: {@code {"total","list"}}. */
    void finish(long total) {
        finish(total, false, null);
    }

    /** Ends the answer as a {@code CursorPage}: {@code {"total","next_cursor","list"}}, the cursor null at the end. */
    void finishWithCursor(long total, String nextCursor) {
        finish(total, true, nextCursor);
    }

    private void finish(long total, boolean withCursor, String nextCursor) {
        list.writeEndArray();
        list.close();
        try (JsonGenerator g = json.createGenerator(buffers.answer)) {
            g.writeStartObject();
            g.writeNumberProperty("code", 200); // ApiResponse.success
            g.writeStringProperty("msg", "Success");
            g.writeName("data");
            g.writeStartObject();
            g.writeNumberProperty("total", total);
            if (withCursor) {
                g.writeStringProperty("next_cursor", nextCursor); // null writes JSON null
            }
            g.writeName("list");
            // An empty raw value makes the generator write the ':' and count the value as written; the list's
            // bytes follow it in the buffer.
            g.writeRawValue("");
            g.flush();
            buffers.list.writeTo(buffers.answer);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // a ByteArrayOutputStream does not
        }
    }

    /**
     * Sends the finished answer with its length, gzipped when the client accepts it ({@link Gzip}), and leaves
     * the thread's buffers for its next answer.
     */
    void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.addHeader("Vary", "Accept-Encoding");
        Bytes body = buffers.answer;
        if (body.size() >= Gzip.MIN_BYTES && Gzip.accepted(request.getHeader("Accept-Encoding"))) {
            buffers.gzipped.reset();
            buffers.gzip.compress(body.array(), body.size(), buffers.gzipped);
            body = buffers.gzipped;
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
        if (buffers.answer.capacity() > MAX_KEPT_BYTES || buffers.list.capacity() > MAX_KEPT_BYTES
                || buffers.gzipped.capacity() > MAX_KEPT_BYTES) {
            BUFFERS.remove();
        }
    }

    private void writeWechat(ThirdWechatInfo info) {
        list.writeStartObject();
        if (info.known()) {
            list.writeName(APPID);
            list.writeString(info.authorizerAppid());
            list.writeName(OPENID);
            list.writeString(info.openid());
            list.writeName(UNIONID);
            list.writeString(info.unionid());
        }
        list.writeEndObject();
    }

    private void writeChannel(ChannelInfo info) {
        list.writeStartObject();
        if (info.known()) {
            list.writeName(CHANNEL_ID);
            list.writeNumber(info.channelId());
            list.writeName(CHANNEL_NAME);
            list.writeString(info.channelName());
            list.writeName(STORE_ID);
            list.writeString(info.storeId());
        }
        list.writeEndObject();
    }

    private String format(long epochSecond) {
        return times.second(epochSecond);
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
