package io.cardwatch.detector.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs one of the detector's command-line tools (the backtest, the history loader, the topic provisioning): 0
 * when it succeeded, 2 for a usage error, 1 when it failed. A bad input (an unreadable file, a refused rule set)
 * is told in one line; anything else with its stack trace.
 */
public final class Commands {

    private Commands() {
    }

    public static int run(Object command, PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((exception, commandLine, parsed) -> {
                    if (exception instanceof IllegalArgumentException || exception instanceof IOException) {
                        commandLine.getErr().println(commandLine.getCommandName() + ": " + exception.getMessage());
                    } else {
                        exception.printStackTrace(commandLine.getErr());
                    }
                    return commandLine.getCommandSpec().exitCodeOnExecutionException();
                })
                .execute(args);
    }
}
