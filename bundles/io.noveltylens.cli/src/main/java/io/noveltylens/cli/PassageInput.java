package io.noveltylens.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Where score and embed take their text: the words given, a file, or one passage per line of standard input. */
final class PassageInput {

    private static final List<String> STANDARD_INPUT = List.of("-");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--file", paramLabel = "F", description = "the text of a UTF-8 file, as one passage")
    private Path file;

    @Parameters(paramLabel = "TEXT", description = "the text, as one passage; '-' reads one passage per line of "
            + "standard input (UTF-8)")
    private List<String> words = List.of();

    boolean fromStandardInput() {
        return words.equals(STANDARD_INPUT);
    }

    /** The passages given, read strictly as UTF-8. */
    List<String> passages(InputStream in) throws NoveltyException {
        if (file != null) {
            return List.of(Utf8Text.read(file));
        }
        if (fromStandardInput()) {
            return Utf8Text.read(in).lines().filter(line -> !line.isBlank()).toList();
        }
        if (words.isEmpty()) {
            throw new ParameterException(command.commandLine(),
                    "give the text to analyse, --file F, or - to read lines from stdin");
        }
        return List.of(String.join(" ", words));
    }
}
