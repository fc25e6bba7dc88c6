package io.watchtime.client.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage as one line, exit 2: what is wrong, the nearest valid word when there is one, and where the help is.
 * An unknown word is named first even when picocli noticed a missing option first: {@code --fromat csv} is a
 * typo of {@code --format}, and "missing --format" would send the operator looking in the wrong place.
 */
final class BadUsage implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("error: " + describe(e, command) + "; see: " + command.getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(ParameterException e, CommandLine command) {
        List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : command.getParseResult() == null ? List.of() : command.getParseResult().unmatched();
        if (unmatched.isEmpty()) {
            return e.getMessage();
        }
        String word = unmatched.get(0);
        UnmatchedArgumentException unknown = new UnmatchedArgumentException(command, List.of(word));
        boolean option = unknown.isUnknownOption();
        String what = option ? "Unknown option" : command.getSubcommands().isEmpty() ? "Unexpected argument" : "Unknown command";
        String nearest = nearest(word, option ? command.getCommandSpec().optionsMap().keySet()
                : command.getSubcommands().keySet(), unknown.getSuggestions());
        return what + ": '" + word + "'" + (nearest == null ? "" : " (did you mean " + nearest + "?)");
    }

    /**
     * picocli's suggestion when it has one; else the valid word within two typing slips (a wrong, missing, extra or
     * swapped letter), since picocli suggests options only by their first two letters and misses {@code --fromat}.
     */
    private static String nearest(String word, Collection<String> valid, List<String> suggested) {
        if (!suggested.isEmpty()) {
            return suggested.get(0);
        }
        String bare = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        return valid.stream().filter(name -> name.length() > 2)
                .min(Comparator.comparingInt(name -> slips(bare, name)))
                .filter(name -> slips(bare, name) <= 2)
                .orElse(null);
    }

    /** Optimal string alignment distance: edits, counting a swap of two neighbours as one. */
    static int slips(String a, String b) {
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
