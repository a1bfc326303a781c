package io.noveltylens.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only holds subcommands: run without one, it lists them on standard error, a usage error. */
abstract class CommandGroup implements Callable<Integer> {

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        CommandLine commandLine = command.commandLine();
        commandLine.usage(commandLine.getErr());
        return ExitCodes.USAGE;
    }
}
