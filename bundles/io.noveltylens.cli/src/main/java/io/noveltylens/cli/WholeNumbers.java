package io.noveltylens.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The allowed range of a whole-number option. Picocli refuses what is not a number while parsing; the range is
 * checked where the command uses the value, so the option's field keeps its default for the generated help.
 */
final class WholeNumbers {

    private WholeNumbers() {
    }

    static int within(CommandSpec command, String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(command.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
