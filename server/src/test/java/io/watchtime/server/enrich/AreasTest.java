package io.watchtime.server.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.settings.WatchtimeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IP -> area on the real ip2region database that the build bundles, and user agent -> device. */
class AreasTest {

    private static final Areas AREAS = new Areas(new WatchtimeProperties(null, null, "", null, null, null, null, null, null));

    @Test
    void theBuildBundledTheDatabase() {
        assertThat(AREAS.available())
                .as("ip2region.db missing from the classpath: the build fetches it with npm (scripts/fetch-ip2region.sh)")
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "123.52.16.175 = 河南 郑州",
        "220.184.19.51 = 浙江 杭州",
        "125.41.184.58 = 河南 郑州",
        "122.234.133.139 = 浙江 杭州",
        "8.8.8.8 = 美国",
        "192.168.1.10 = ''",
        "10.0.0.1 = ''",
        "127.0.0.1 = ''",
        "100.64.3.2 = ''",
        "not an ip = ''",
        "2001:db8::1 = ''",
        "'' = ''"})
    void areaAsTheSeedWritesIt(String ip, String area) {
        assertThat(AREAS.of(ip)).isEqualTo(area);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "中国|0|河南省|郑州市|电信 = 河南 郑州",
        "中国|0|广西壮族自治区|南宁市|联通 = 广西 南宁",
        "中国|0|北京市|北京市|联通 = 北京 北京",
        "中国|0|香港特别行政区|0|0 = 香港",
        "中国|0|0|0|0 = 中国",
        "美国|0|0|0|0 = 美国",
        "0|0|0|内网IP|内网IP = ''"})
    void regionsAreShortened(String region, String area) {
        assertThat(Areas.format(region)).isEqualTo(area);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.50 = iOS",
        "Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) = iOS",
        "Mozilla/5.0 (Linux; Android 14; V2309A; wv) MicroMessenger/8.0.49 = Android",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) WindowsWechat(0x63090a13) = PC",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) MacWechat/3.8.7 = PC",
        "curl/8.0 = Other",
        "'' = ''"})
    void deviceFromUserAgent(String userAgent, String device) {
        assertThat(Devices.of(userAgent)).isEqualTo(device);
    }
}
