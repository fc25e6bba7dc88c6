package io.watchtime.server.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The {@code data} of each room statistic, field for field as the contract (notes/issue10-contract) names it. */
final class RoomAnswers {

    private RoomAnswers() {
    }

    /** deviceStatList: viewers of the room by their latest device. */
    @JsonPropertyOrder({"pc", "android", "ios", "other"})
    record DeviceStats(@JsonProperty("pc") long pc, @JsonProperty("android") long android,
            @JsonProperty("ios") long ios, @JsonProperty("other") long other) {
    }

    @JsonPropertyOrder({"total", "list"})
    record RoomList(@JsonProperty("total") long total, @JsonProperty("list") List<RoomItem> list) {
    }

    @JsonPropertyOrder({"room_id", "status", "viewers", "stay_duration", "live_duration", "playback_duration",
            "rounds", "first_time", "last_time"})
    record RoomItem(@JsonProperty("room_id") long roomId, @JsonProperty("status") String status,
            @JsonProperty("viewers") long viewers, @JsonProperty("stay_duration") long stayDuration,
            @JsonProperty("live_duration") long liveDuration,
            @JsonProperty("playback_duration") long playbackDuration, @JsonProperty("rounds") long rounds,
            @JsonProperty("first_time") String firstTime, @JsonProperty("last_time") String lastTime) {
    }

    @JsonPropertyOrder({"room_id", "status", "viewers", "stay_duration", "avg_stay_duration", "live_duration",
            "playback_duration", "peak_online", "peak_time", "rounds", "stay_distribution"})
    record Summary(@JsonProperty("room_id") long roomId, @JsonProperty("status") String status,
            @JsonProperty("viewers") long viewers, @JsonProperty("stay_duration") long stayDuration,
            @JsonProperty("avg_stay_duration") long avgStayDuration,
            @JsonProperty("live_duration") long liveDuration,
            @JsonProperty("playback_duration") long playbackDuration,
            @JsonProperty("peak_online") long peakOnline,
            @JsonProperty("peak_time") @JsonInclude(JsonInclude.Include.ALWAYS) String peakTime,
            @JsonProperty("rounds") List<Round> rounds,
            @JsonProperty("stay_distribution") List<StayBucket> stayDistribution) {
    }

    @JsonPropertyOrder({"room_rounds_id", "start_time", "end_time", "viewers"})
    record Round(@JsonProperty("room_rounds_id") long roomRoundsId, @JsonProperty("start_time") String startTime,
            @JsonProperty("end_time") @JsonInclude(JsonInclude.Include.ALWAYS) String endTime,
            @JsonProperty("viewers") long viewers) {
    }

    @JsonPropertyOrder({"label", "viewers"})
    record StayBucket(@JsonProperty("label") String label, @JsonProperty("viewers") long viewers) {
    }

    @JsonPropertyOrder({"list"})
    record Series(@JsonProperty("list") List<Minute> list) {
    }

    @JsonPropertyOrder({"time", "minute", "online"})
    record Minute(@JsonProperty("time") long time, @JsonProperty("minute") String minute,
            @JsonProperty("online") long online) {
    }

    @JsonPropertyOrder({"list"})
    record Ranking(@JsonProperty("list") List<RankingItem> list) {
    }

    @JsonPropertyOrder({"key", "name", "viewers", "stay_duration"})
    record RankingItem(@JsonProperty("key") String key, @JsonProperty("name") String name,
            @JsonProperty("viewers") long viewers, @JsonProperty("stay_duration") long stayDuration) {
    }

    @JsonPropertyOrder({"list"})
    record Trend(@JsonProperty("list") List<Day> list) {
    }

    @JsonPropertyOrder({"date", "viewers", "stay_duration", "live_duration", "playback_duration"})
    record Day(@JsonProperty("date") String date, @JsonProperty("viewers") long viewers,
            @JsonProperty("stay_duration") long stayDuration, @JsonProperty("live_duration") long liveDuration,
            @JsonProperty("playback_duration") long playbackDuration) {
    }
}
