package io.noveltylens.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.solr.CorpusEngines;

/** The options shared by the commands that open an engine: --index, --model, --k and --budget-ms. */
final class EngineOptions {

    private static final Set<String> VALUED = Set.of("index", "model", "k", "budget-ms", "solr", "zk", "collection"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$ //$NON-NLS-7$

    /**
     * The hull budget per passage. Longer than the IDE's 300 ms (EngineConfig.DEFAULT_HULL_BUDGET): a command runs the
     * hull code in a fresh JVM, not yet compiled (and without C2 for one-shot commands, releng/novelty), where 300 ms
     * decided the depth only in d = 1 for a sentence whose depth 1 s decided as 8 (docs/benchmarks.md).
     */
    static final Duration HULL_BUDGET = Duration.ofMillis(1000);

    private EngineOptions() {
    }

    /** The valued options of a command: these and the command's own. */
    static Set<String> valuedWith(String... own) {
        Set<String> valued = new HashSet<>(VALUED);
        valued.addAll(List.of(own));
        return valued;
    }

    /** The engine the options ask for: over the SolrCloud collection of --solr or --zk, else over the local index. */
    static NoveltyEngine open(Arguments arguments, CliPaths paths) throws UsageException, NoveltyException {
        EngineConfig config = config(arguments, paths);
        try {
            return CorpusEngines.open(config, SolrOptions.address(arguments), Progress.NONE);
        } catch (NoveltyException e) {
            throw withFix(e, config.indexDir());
        }
    }

    /** Core's message says what is wrong; the command line adds the command that fixes it. */
    private static NoveltyException withFix(NoveltyException e, Path index) {
        return e.remedy().map(remedy -> switch (remedy) {
            case BUILD_INDEX -> new NoveltyException(e.kind(),
                    e.getMessage() + " Build one with 'novelty index --corpus PATH --index " + index + "'.", e.getCause());
        }).orElse(e);
    }

    /** The engine configuration the options ask for; without --index or --model, the shipped defaults. */
    static EngineConfig config(Arguments arguments, CliPaths paths) throws UsageException {
        return new EngineConfig(
                paths.model(arguments),
                paths.index(arguments),
                paths.cache(), arguments.intValue("k", EngineConfig.DEFAULT_K, 1, 1000), //$NON-NLS-1$
                Duration.ofMillis(arguments.intValue("budget-ms", (int) HULL_BUDGET.toMillis(), 1, //$NON-NLS-1$
                        600_000)));
    }
}
