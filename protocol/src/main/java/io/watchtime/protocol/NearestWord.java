package io.watchtime.protocol;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The valid word a mistyped one was most likely meant to be, for messages that say "did you mean ...?". Shared by
 * the command lines of the server and the client and by the server's check of its settings, so that a slip is
 * named the same way everywhere.
 */
public final class NearestWord {

    /** More slips than this and the word is taken as meant, not mistyped: suggesting would only confuse. */
    private static final int MOST_SLIPS = 2;

    private NearestWord() {
    }

    /** The valid word within two typing slips of {@code word} (the fewest wins), if any. */
    public static Optional<String> in(Collection<String> valid, String word) {
        return valid.stream().filter(name -> name.length() > MOST_SLIPS)
                .min(Comparator.comparingInt(name -> slips(word, name)))
                .filter(name -> slips(word, name) <= MOST_SLIPS);
    }

    /** Optimal string alignment distance: a wrong, missing or extra letter, or two neighbours swapped, is one slip. */
    public static int slips(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
