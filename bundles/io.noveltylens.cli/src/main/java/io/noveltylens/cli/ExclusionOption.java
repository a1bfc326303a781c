package io.noveltylens.cli;

import io.noveltylens.core.exclude.Exclusions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --exclude}: what score, annotate and compare leave out of each passage, as the IDE's preferences choose it. */
final class ExclusionOption {

    @Option(names = "--exclude", paramLabel = "KINDS", description = "what to leave out of the analysis, comma "
            + "separated: markup, front-matter, code, quotations, citations, or none (default: ${DEFAULT-VALUE})")
    private String exclude = Exclusions.DEFAULT.toString();

    Exclusions exclusions(CommandLine commandLine) {
        try {
            return Exclusions.parse(exclude);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--exclude: " + e.getMessage());
        }
    }
}
