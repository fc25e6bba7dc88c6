package io.watchtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestWordTest {

    private static final List<String> COMMANDS = List.of("account", "key", "serve", "help");

    @Test
    void aSlipOrTwoFindsTheMeantWord() {
        assertThat(NearestWord.in(COMMANDS, "acount")).contains("account");
        assertThat(NearestWord.in(COMMANDS, "sevre")).contains("serve"); // swapped neighbours: one slip
        assertThat(NearestWord.in(List.of("--format", "--out"), "--fromat")).contains("--format");
    }

    @Test
    void aDifferentWordGetsNoSuggestion() {
        assertThat(NearestWord.in(COMMANDS, "start")).isEmpty();
        assertThat(NearestWord.slips("serve", "serve")).isZero();
    }
}
