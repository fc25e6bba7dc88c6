package io.watchtime.server.enrich;

/** User agent -> the contract's device label: {@code PC}, {@code Android}, {@code iOS}, {@code Other}, or {@code ""}. */
public final class Devices {

    private Devices() {
    }

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "";
        }
        // Order matters: iPad and Android UAs also say "Mac OS X" / "Linux"; WeChat on Windows says "Windows".
        if (userAgent.contains("iPhone") || userAgent.contains("iPad") || userAgent.contains("iPod")
                || userAgent.contains("iOS")) {
            return "iOS";
        }
        if (userAgent.contains("Android")) {
            return "Android";
        }
        if (userAgent.contains("Windows") || userAgent.contains("Macintosh") || userAgent.contains("X11")
                || userAgent.contains("CrOS")) {
            return "PC";
        }
        return "Other";
    }
}
