package io.noveltylens.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --model DIR}, for the commands that embed text or size vectors: the model folder, else the shipped one. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR", description = "model folder with novelty-model.json (default: the "
            + "shipped all-MiniLM-L6-v2)")
    private Path folder;

    Path folder(CliPaths paths) {
        return paths.model(folder);
    }
}
