package io.watchtime.server.viewing;

import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) of a whole answer at the fastest level, with a Deflater kept for the thread's next answer.
 * Not Tomcat's compression ({@code server.compression}): that deflates at the default level 6, which for a page
 * of 500 generated records (300 KB of JSON) took 7.8-11.5 ms to 28 KB, against 3.0-4.2 ms to 41 KB at level 1
 * (one JVM, 2 busy cores, 2026-12-03); with the server and its client on one machine, level 6 made a gzipped page
 * slower than a plain one. One instance per thread; not thread-safe.
 */
final class Gzip {

    /** Shorter answers go as they are: gzip's 18 bytes of framing and the work are not worth it. */
    static final int MIN_BYTES = 2048;

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final CRC32 crc = new CRC32();
    private final byte[] chunk = new byte[64 * 1024];

    /** Whether an {@code Accept-Encoding} header lets the answer be gzip: gzip or x-gzip listed without q=0. */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equalsIgnoreCase("x-gzip")) {
                return parts.length < 2 || !isZeroQuality(parts[1]);
            }
        }
        return false;
    }

    private static boolean isZeroQuality(String parameter) {
        String p = parameter.trim().toLowerCase(Locale.ROOT);
        return p.startsWith("q=") && p.substring(2).trim().matches("0(\\.0{0,3})?");
    }

    /** Appends the gzip of {@code bytes[0, length)} to {@code out}. */
    void compress(byte[] bytes, int length, ByteArrayOutputStream out) {
        deflater.reset();
        crc.reset();
        crc.update(bytes, 0, length);
        out.write(HEADER, 0, HEADER.length);
        deflater.setInput(bytes, 0, length);
        deflater.finish();
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk);
            out.write(chunk, 0, n);
        }
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, length);
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
