package io.watchtime.server.enrich;

import io.watchtime.server.settings.WatchtimeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lionsoul.ip2region.DataBlock;
import org.lionsoul.ip2region.DbConfig;
import org.lionsoul.ip2region.DbMakerConfigException;
import org.lionsoul.ip2region.DbSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * IP -> area as the seed writes it: {@code 河南 郑州} (province and city without 省/市), a country alone
 * abroad ({@code 美国}), {@code ""} for private or unknown addresses. Reads ip2region's v1 database from
 * {@code watchtime.ip2region-file}, else the copy the build put on the classpath; without either the
 * service runs with empty areas and says so once.
 */
@Component
public class Areas {

    private static final Logger log = LoggerFactory.getLogger(Areas.class);
    private static final String BUNDLED = "/ip2region/ip2region.db";

    private final DbSearcher searcher;

    @Autowired
    public Areas(WatchtimeProperties properties) {
        this(load(properties.ip2regionFile()));
    }

    public Areas(byte[] database) {
        this.searcher = database == null ? null : searcher(database);
    }

    public boolean available() {
        return searcher != null;
    }

    public String of(String ip) {
        if (searcher == null || ip == null) {
            return "";
        }
        long address = Ipv4.parsePublic(ip);
        if (address < 0) {
            return "";
        }
        try {
            DataBlock block = searcher.memorySearch(address);
            return block == null ? "" : format(block.getRegion());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** {@code 中国|0|河南省|郑州市|电信} -> {@code 河南 郑州}; {@code 美国|0|0|0|0} -> {@code 美国}. */
    static String format(String region) {
        String[] parts = region.split("\\|", -1);
        if (parts.length < 4 || unknown(parts[0])) {
            return "";
        }
        if (!parts[0].equals("中国")) {
            return parts[0];
        }
        String province = unknown(parts[2]) ? "" : shortProvince(parts[2]);
        String city = unknown(parts[3]) ? "" : shortCity(parts[3]);
        if (province.isEmpty()) {
            return city.isEmpty() ? "中国" : city;
        }
        return city.isEmpty() ? province : province + " " + city;
    }

    private static boolean unknown(String part) {
        return part.isEmpty() || part.equals("0") || part.contains("内网");
    }

    private static String shortProvince(String name) {
        for (String suffix : new String[] {"壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"}) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static String shortCity(String name) {
        return name.endsWith("市") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private static byte[] load(String configuredFile) {
        try {
            if (configuredFile != null && !configuredFile.isBlank()) {
                byte[] bytes = Files.readAllBytes(Path.of(configuredFile));
                log.info("ip2region database: {} ({} bytes)", configuredFile, bytes.length);
                return bytes;
            }
            try (InputStream in = Areas.class.getResourceAsStream(BUNDLED)) {
                if (in != null) {
                    byte[] bytes = in.readAllBytes();
                    log.info("ip2region database: the bundled copy of ip2region@2.3.0 ({} bytes)", bytes.length);
                    return bytes;
                }
            }
        } catch (IOException e) {
            log.warn("cannot read ip2region database {}: {}; areas will be empty until watchtime.ip2region-file names a readable file",
                    configuredFile, e.toString());
            return null;
        }
        log.warn("no ip2region database (the build fetches it with npm); areas will be empty. Set watchtime.ip2region-file to an ip2region.db");
        return null;
    }

    private static DbSearcher searcher(byte[] database) {
        try {
            DbSearcher searcher = new DbSearcher(new DbConfig(), database);
            searcher.memorySearch(1L); // reads the header once here, so concurrent lookups later only read
            return searcher;
        } catch (DbMakerConfigException | IOException e) {
            throw new IllegalStateException("the ip2region database is unreadable: " + e.getMessage(), e);
        }
    }
}
