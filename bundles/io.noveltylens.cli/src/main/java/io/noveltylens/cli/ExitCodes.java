package io.noveltylens.cli;

import io.noveltylens.core.NoveltyException;

/**
 * The exit codes of {@code novelty}, which scripts test; {@link NoveltyCommand} lists them in the usage help. Each
 * kind of failure core reports has a code of its own, so a script can tell a missing index from a wrong argument.
 */
final class ExitCodes {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    /** A wrong command line, or input that cannot be analysed as it is. */
    static final int USAGE = 2;
    static final int MODEL = 3;
    static final int INDEX = 4;
    static final int CORPUS = 5;
    static final int FILE_SYSTEM = 6;
    /** 128 + SIGINT, as a shell reports a command stopped with Ctrl+C. */
    static final int CANCELLED = 130;

    private ExitCodes() {
    }

    static int of(NoveltyException.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> USAGE;
            case MODEL -> MODEL;
            case INDEX -> INDEX;
            case CORPUS -> CORPUS;
            case IO -> FILE_SYSTEM;
        };
    }
}
