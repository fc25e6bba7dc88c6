package io.watchtime.client.cli;

import io.watchtime.protocol.NearestWord;
import java.io.PrintWriter;
import java.util.Collection;
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
        return NearestWord.in(valid, bare).orElse(null);
    }
}
