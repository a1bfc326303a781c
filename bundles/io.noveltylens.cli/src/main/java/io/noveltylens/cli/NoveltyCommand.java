package io.noveltylens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * {@code novelty} itself: the usage help that lists the commands, and what every command inherits from it (--help,
 * --version, the footer and the exit codes of its help).
 */
@Command(name = "novelty", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = CliVersion.class, description = { """
                Index a corpus, score passages against it, annotate files, embed text, describe an index, test hull \
                membership. Results go to standard output, progress and errors to standard error. 'novelty COMMAND \
                --help' describes one command.""" },
        // the footer and the exit codes are inherited: every command's help ends with them
        footer = { "", """
                Without --index and --model, the shipped default corpus and model are used (environment: \
                NOVELTY_INDEX, NOVELTY_MODEL, NOVELTY_CACHE). '--' ends the options, before text that starts with \
                '-'.""" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { ExitCodes.OK + ":success",
                ExitCodes.INTERNAL_ERROR + ":unexpected failure (a bug: please report it)",
                ExitCodes.USAGE + ":wrong command line, or input that cannot be analysed",
                ExitCodes.MODEL + ":the model is missing, damaged or incomplete",
                ExitCodes.INDEX + ":the index or collection is missing, damaged, or of another model or format",
                ExitCodes.CORPUS + ":a corpus source cannot be read",
                ExitCodes.FILE_SYSTEM + ":the disk or file system failed (full, read-only, permissions)",
                ExitCodes.CANCELLED + ":cancelled" })
final class NoveltyCommand extends CommandGroup {
}
