package io.watchtime.server.launch;

import io.watchtime.protocol.NearestWord;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad usage as one line, exit 2: the unknown word, the nearest valid one, and where the help is. An option that
 * looks like a setting without its dotted name ({@code --port=8081}) is told how settings are written.
 */
final class BadUsage implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        command.getErr().println("error: " + describe(e, command) + "; see: " + help);
        command.getErr().flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String describe(ParameterException e, CommandLine command) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String word = unmatched.getUnmatched().get(0);
        String bare = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        boolean option = unmatched.isUnknownOption();
        List<String> valid = List.copyOf(option ? command.getCommandSpec().optionsMap().keySet()
                : command.getSubcommands().keySet());
        String nearest = NearestWord.in(valid, bare).map(n -> " (did you mean " + n + "?)")
                .orElse(option && word.contains("=") ? " (settings are --server.port=N or --watchtime.NAME=VALUE)" : "");
        String what = option ? "unknown option" : command.getSubcommands().isEmpty() ? "unexpected argument" : "unknown command";
        return what + " '" + word + "'" + nearest;
    }
}
