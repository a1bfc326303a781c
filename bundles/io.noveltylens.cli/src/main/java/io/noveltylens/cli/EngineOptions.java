package io.noveltylens.cli;

import java.nio.file.Path;
import java.time.Duration;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.solr.CorpusEngines;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options shared by the commands that open an engine: --index, --model, --k, --budget-ms and SolrCloud's. */
final class EngineOptions {

    /**
     * The hull budget per passage. Longer than the IDE's 300 ms (EngineConfig.DEFAULT_HULL_BUDGET): a command runs the
     * hull code in a fresh JVM, not yet compiled (and without C2 for one-shot commands, releng/novelty), where 300 ms
     * decided the depth only in d = 1 for a sentence whose depth 1 s decided as 8 (docs/benchmarks.md).
     */
    static final Duration HULL_BUDGET = Duration.ofMillis(1000);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder (default: the shipped corpus's)")
    private Path index;

    @Mixin
    private ModelOption model;

    @Option(names = "--k", paramLabel = "N", description = "neighbours (default: ${DEFAULT-VALUE})")
    private int k = EngineConfig.DEFAULT_K;

    @Option(names = "--budget-ms", paramLabel = "N", description = "time allowed to the hull readouts per passage "
            + "(default: ${DEFAULT-VALUE})")
    private int budgetMillis = (int) HULL_BUDGET.toMillis();

    @Mixin
    private SolrOptions cluster;

    /** The engine the options ask for: over the SolrCloud collection of --solr or --zk, else over the local index. */
    /**
     * Ends a command that printed or wrote reports: waits for the engine's background check of the model files
     * ({@link NoveltyEngine#awaitModelVerification}) and fails the command, exit code and all, when the reports came
     * from a model that changed without changing its size or time.
     */
    static void requireModelVerified(NoveltyEngine engine) throws NoveltyException {
        try {
            engine.awaitModelVerification();
        } catch (NoveltyException e) {
            throw new NoveltyException(e.kind(), e.getMessage()
                    + " What this command printed or wrote came from the changed model: run it again.", e);
        }
    }

    NoveltyEngine open(CliPaths paths) throws NoveltyException {
        EngineConfig config = config(paths);
        NoveltyEngine engine;
        try {
            engine = CorpusEngines.open(config, cluster.address(), Progress.NONE);
        } catch (NoveltyException e) {
            throw withFix(e, config.indexDir());
        }
        if (engine.indexOutdated()) {
            command.commandLine().getErr().println(outdated(engine.indexInfo(), config.indexDir()));
        }
        return engine;
    }

    /** What an index of an older format means for the answers, and the command that brings it up to date. */
    static String outdated(IndexMetadata index, Path dir) {
        String format = index.olderFormat() ? "format " + index.formatVersion()
                : "format " + index.formatVersion() + " with an older calibration";
        return "novelty: the index in " + dir + " was written by an older version of Novelty Lens (" + format
                + "; this version writes format " + IndexMetadata.FORMAT_VERSION + "). It answers, with percentiles "
                + "against its passages rather than against corpus text of the passage's kind and length. Rebuild "
                + "it with 'novelty index --index " + dir + "' (from the files it records; the passages it has "
                + "embedded are not embedded again).";
    }

    /** Where the engine's corpus is read from, for a report: the collection, else the index folder. */
    String corpusLocation(CliPaths paths) throws NoveltyException {
        Object collection = cluster.address();
        return collection != null ? collection.toString() : config(paths).indexDir().toAbsolutePath().toString();
    }

    /** Core's message says what is wrong; the command line adds the command that fixes it. */
    private static NoveltyException withFix(NoveltyException e, Path index) {
        return e.remedy().map(remedy -> switch (remedy) {
            case BUILD_INDEX -> new NoveltyException(e.kind(),
                    e.getMessage() + " Build one with 'novelty index --corpus PATH --index " + index + "'.",
                    e.getCause());
        }).orElse(e);
    }

    /** The engine configuration the options ask for; without --index or --model, the shipped defaults. */
    EngineConfig config(CliPaths paths) {
        return new EngineConfig(
                model.folder(paths),
                paths.index(index),
                paths.cache(), WholeNumbers.within(command, "--k", k, 1, 1000),
                Duration.ofMillis(WholeNumbers.within(command, "--budget-ms", budgetMillis, 1,
                        600_000)));
    }
}
