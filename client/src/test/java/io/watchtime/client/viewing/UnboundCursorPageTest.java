package io.watchtime.client.viewing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.client.WatchtimeException;
import io.watchtime.client.http.Json;
import io.watchtime.client.support.Records;
import io.watchtime.protocol.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The head reader must give what a full bind of the envelope gives, whatever the order of the keys. */
class UnboundCursorPageTest {

    private static final String RECORDS = Json.MAPPER.writeValueAsString(List.of(
            Records.record(1, 100, "a", 5, 10), Records.record(2, 101, "b", 6, 11)));

    @Test
    void readsTheHeadOfTheServersOrderAndBindsTheListLater() {
        ApiResponse<UnboundCursorPage> answer = read("{\"code\":200,\"msg\":\"Success\",\"data\":{\"total\":7,"
                + "\"next_cursor\":\"abc\",\"list\":" + RECORDS + "}}");
        assertThat(answer.code()).isEqualTo(200);
        assertThat(answer.msg()).isEqualTo("Success");
        assertThat(answer.data().total()).isEqualTo(7);
        assertThat(answer.data().cursorSupported()).isTrue();
        assertThat(answer.data().nextCursor()).isEqualTo("abc");
        assertThat(answer.data().list()).extracting(r -> r.roomId()).containsExactly(1L, 2L);
    }

    @Test
    void aNullCursorEndsTheWalkAndACursorAfterTheListIsStillFound() {
        UnboundCursorPage page = read("{\"code\":200,\"msg\":\"Success\",\"data\":{\"list\":" + RECORDS
                + ",\"total\":2,\"next_cursor\":null}}").data();
        assertThat(page.cursorSupported()).isTrue();
        assertThat(page.nextCursor()).isNull();
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.list()).hasSize(2);
    }

    @Test
    void noCursorKeyMeansAServerWithoutTheExtension() {
        UnboundCursorPage page = read("{\"code\":200,\"msg\":\"Success\",\"data\":{\"total\":2,\"list\":" + RECORDS
                + "}}").data();
        assertThat(page.cursorSupported()).isFalse();
        assertThat(page.list()).hasSize(2);
    }

    @Test
    void envelopeKeysAfterDataAndFailuresReadAsBefore() {
        ApiResponse<UnboundCursorPage> late = read("{\"data\":{\"next_cursor\":\"x\",\"total\":1,\"list\":[]},"
                + "\"msg\":\"Success\",\"code\":200}");
        assertThat(late.code()).isEqualTo(200);
        assertThat(late.data().nextCursor()).isEqualTo("x");
        assertThat(late.data().list()).isEmpty();
        ApiResponse<UnboundCursorPage> failure = read("{\"code\":400,\"msg\":\"invalid cursor\",\"data\":null}");
        assertThat(failure.code()).isEqualTo(400);
        assertThat(failure.msg()).isEqualTo("invalid cursor");
        assertThat(failure.data()).isNull();
        assertThat(read("[1,2]")).isNull();
    }

    @Test
    void aListThatDoesNotBindFailsWhereThePageIsAskedFor() {
        UnboundCursorPage page = read("{\"code\":200,\"msg\":\"Success\",\"data\":{\"total\":1,\"next_cursor\":null,"
                + "\"list\":[{\"room_id\":\"not a number\"}]}}").data();
        assertThatThrownBy(page::list).isInstanceOf(WatchtimeException.class).hasMessageContaining("unexpected answer");
    }

    private static ApiResponse<UnboundCursorPage> read(String json) {
        return UnboundCursorPage.readHead(json.getBytes(StandardCharsets.UTF_8));
    }
}
