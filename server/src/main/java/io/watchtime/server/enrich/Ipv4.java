package io.watchtime.server.enrich;

/** Dotted-quad parsing without DNS, and the ranges that never have an area. */
final class Ipv4 {

    private Ipv4() {
    }

    /** The address as an unsigned 32-bit value, or -1 when it is not IPv4 or not publicly routed. */
    static long parsePublic(String text) {
        long address = parse(text);
        return address < 0 || isPrivate(address) ? -1 : address;
    }

    static long parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long address = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3) {
                return -1;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                octet = octet * 10 + (c - '0');
            }
            if (octet > 255) {
                return -1;
            }
            address = (address << 8) | octet;
        }
        return address;
    }

    private static boolean isPrivate(long a) {
        return inRange(a, 0x00000000L, 8)      // 0.0.0.0/8
                || inRange(a, 0x0A000000L, 8)  // 10/8
                || inRange(a, 0x64400000L, 10) // 100.64/10 carrier-grade NAT
                || inRange(a, 0x7F000000L, 8)  // loopback
                || inRange(a, 0xA9FE0000L, 16) // link-local
                || inRange(a, 0xAC100000L, 12) // 172.16/12
                || inRange(a, 0xC0A80000L, 16) // 192.168/16
                || a >= 0xE0000000L;           // multicast and reserved
    }

    private static boolean inRange(long address, long network, int prefix) {
        return (address >>> (32 - prefix)) == (network >>> (32 - prefix));
    }
}
