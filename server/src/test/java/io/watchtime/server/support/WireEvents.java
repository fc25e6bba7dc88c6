package io.watchtime.server.support;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Ingest events as a client writes them on the wire, for the tests that speak JSON to the real endpoint. */
public final class WireEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WireEvents() {
    }

    public static ObjectNode room(String type, long room, long at) {
        return JSON.createObjectNode().put("type", type).put("room_id", room).put("at", at);
    }

    public static ObjectNode enter(long room, long viewer, String session, long at) {
        return viewerEvent("enter", room, viewer, session, at);
    }

    public static ObjectNode beat(long room, long viewer, String session, long at) {
        return viewerEvent("heartbeat", room, viewer, session, at);
    }

    /** Heartbeats every 30 s from {@code from} to {@code to}, both included. */
    public static List<ObjectNode> beats(long room, long viewer, String session, long from, long to) {
        List<ObjectNode> beats = new ArrayList<>();
        for (long at = from; at <= to; at += 30) {
            beats.add(beat(room, viewer, session, at));
        }
        return beats;
    }

    public static ObjectNode viewerEvent(String type, long room, long viewer, String session, long at) {
        return JSON.createObjectNode().put("type", type).put("room_id", room).put("wechat_user_space_id", viewer)
                .put("session_id", session).put("at", at);
    }

    /** The ingest body of these events. */
    public static String batch(List<ObjectNode> events) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("events");
        events.forEach(array::add);
        return body.toString();
    }
}
