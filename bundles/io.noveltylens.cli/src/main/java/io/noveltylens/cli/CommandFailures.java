package io.noveltylens.cli;

import java.io.PrintWriter;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What went wrong, as one line on standard error that names the command, and the exit code a script can test: a
 * wrong command line points to the command's help; a failure core reports says what to do in its own message.
 */
final class CommandFailures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        err.println(name + ": " + e.getMessage() + ". Run '" + name + " --help'.");
        UnmatchedArgumentException.printSuggestions(e, err);
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        PrintWriter err = command.getErr();
        int code;
        if (e instanceof NoveltyException failure) {
            err.println(name + ": " + failure.getMessage());
            code = ExitCodes.of(failure.kind());
        } else if (e instanceof CancelledException) {
            err.println(name + ": cancelled");
            code = ExitCodes.CANCELLED;
        } else {
            err.println(name + ": unexpected failure: " + e);
            e.printStackTrace(err);
            code = ExitCodes.INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }
}
