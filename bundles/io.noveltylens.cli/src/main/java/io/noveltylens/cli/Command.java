package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;

/** One subcommand of {@code novelty}. */
interface Command {

    /** Runs with the arguments after the command name; returns the exit code. */
    int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception;

    String help();

    /** The text operands, the file given with --file, or the lines of standard input when the operand is '-'. */
    static List<String> passages(Arguments arguments, BufferedReader in) throws UsageException, NoveltyException {
        String file = arguments.value("file"); //$NON-NLS-1$
        if (file != null) {
            try {
                return List.of(java.nio.file.Files.readString(java.nio.file.Path.of(file)));
            } catch (java.io.IOException e) {
                throw new NoveltyException(NoveltyException.Kind.BAD_INPUT,
                        "Cannot read " + file + " (" + e.getMessage() + "): check the path and that it is UTF-8 text."); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            }
        }
        if (arguments.operands().equals(List.of("-"))) { //$NON-NLS-1$
            return in.lines().filter(line -> !line.isBlank()).toList();
        }
        if (arguments.operands().isEmpty()) {
            throw new UsageException("give the text to analyse, --file F, or - to read lines from stdin"); //$NON-NLS-1$
        }
        return List.of(String.join(" ", arguments.operands())); //$NON-NLS-1$
    }
}
