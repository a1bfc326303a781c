package io.noveltylens.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The files and folders index and annotate read: given with --corpus, after the options, or both. */
final class CorpusPaths {

    @Option(names = "--corpus", paramLabel = "PATH", description = "a file or folder (repeatable)")
    private List<Path> options = List.of();

    @Parameters(paramLabel = "PATH", description = "more files or folders")
    private List<Path> operands = List.of();

    List<Path> all() {
        List<Path> all = new ArrayList<>(options);
        all.addAll(operands);
        return all;
    }
}
