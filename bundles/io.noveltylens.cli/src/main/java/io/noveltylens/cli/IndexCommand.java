package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceFilter;
import io.noveltylens.core.drafts.DraftsStore;
import io.noveltylens.core.drafts.DraftsUpdate;
import io.noveltylens.core.engine.CorpusBuild;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCorpusFiller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code novelty index}: builds or incrementally updates an index. */
@Command(name = "index", description = { "Build or incrementally update an index from files and folders.", "", """
        Reads the files and folders given (.txt .md .tex .html: paragraphs, or one passage per line when a file has \
        no blank line; .jsonl: {"id","text","source"} per line; any of them gzipped), embeds every distinct passage \
        and writes a Lucene HNSW index with the density and PCA statistics into DIR. Re-running embeds only \
        passages not embedded before; the previous index stays usable until the new one is complete, and a killed \
        run resumes where it stopped.""", "", """
        With --solr or --zk and --collection instead of --index, the corpus fills that SolrCloud collection (made \
        with 'novelty solr create'), with no local index: the passages are embedded and sent a batch at a time \
        (passages the collection holds already, from the same model, are not embedded again), and the collection \
        computes the density statistics itself. The fill writes a new generation of the collection and switches to \
        it only when complete: until then, and if it fails or is stopped, queries get the previous content.""", "", """
        With --index alone, the index is rebuilt from the files it records (those it read when it was built), with \
        its k: this brings an index written by an older version of Novelty Lens to this version's format (such an \
        index still answers meanwhile, with percentiles against its passages), and is a no-op for an index that is \
        up to date.""", "", """
        With --drafts DIR and --store STORE, the writer's own drafts in DIR are kept in the drafts store STORE, which \
        'novelty score --drafts STORE' searches beside the corpus: only files whose bytes changed since the last run \
        are read again, only passages never embedded are embedded, and deleted files leave the store.""" })
final class IndexCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final PrintStream out;
    private final Progress progress;

    @Spec
    private CommandSpec command;

    @Mixin
    private CorpusPaths corpusPaths;

    @Option(names = "--index", paramLabel = "DIR", description = "the index folder to build or update")
    private Path index;

    @Mixin
    private ModelOption modelOption;

    @Option(names = "--k", paramLabel = "N", description = "neighbours for the density statistics "
            + "(default: ${DEFAULT-VALUE})")
    private int k = IndexSettings.defaults().k();

    @Option(names = "--include", paramLabel = "GLOB", description = "only files inside the folders whose name or "
            + "relative path matches, e.g. '*.md' (repeatable)")
    private List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "leave out matching files, e.g. 'drafts/**' "
            + "(repeatable)")
    private List<String> exclude = List.of();

    @Option(names = "--grace-minutes", paramLabel = "MINUTES", description = "with a SolrCloud collection: how long "
            + "the generation a fill replaces is kept for the clients that opened it, before a later fill deletes it; "
            + "0 deletes it at once (default: ${DEFAULT-VALUE})")
    private int graceMinutes = (int) SolrCorpusFiller.Times.DEFAULT.grace().toMinutes();

    @Mixin
    private SolrOptions cluster;

    @Option(names = "--drafts", paramLabel = "DIR", description = "a folder of your own drafts to keep in a drafts "
            + "store (with --store)")
    private Path drafts;

    @Option(names = "--store", paramLabel = "STORE", description = "the drafts store folder to build or update")
    private Path draftsStore;

    IndexCommand(CliPaths paths, PrintStream out, Progress progress) {
        this.paths = paths;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> corpus = corpusPaths.all();
        SolrAddress solr = cluster.address();
        if (drafts != null || draftsStore != null) {
            if (drafts == null || draftsStore == null || !corpus.isEmpty() || index != null || solr != null) {
                throw new ParameterException(command.commandLine(), "give the drafts folder (--drafts DIR) and the "
                        + "drafts store (--store STORE) together, without --corpus, --index or a SolrCloud collection");
            }
            updateDrafts(new CorpusBuild(modelOption.folder(paths), paths.cache()));
            return ExitCodes.OK;
        }
        if (corpus.isEmpty() && index != null && solr == null) {
            rebuild(new CorpusBuild(modelOption.folder(paths), paths.cache()));
            return ExitCodes.OK;
        }
        if (corpus.isEmpty() || (index == null) == (solr == null)) {
            throw new ParameterException(command.commandLine(), "give the corpus (--corpus PATH, repeatable) and "
                    + "either the index folder (--index DIR) or a SolrCloud collection (--solr URLS or --zk HOSTS, "
                    + "with --collection NAME); or --index DIR alone to rebuild an index from the files it records");
        }
        IndexSettings defaults = IndexSettings.defaults();
        IndexSettings settings = defaults.with(WholeNumbers.within(command, "--k", k, 1, 1000),
                new SourceFilter(include, exclude));
        CorpusBuild build = new CorpusBuild(modelOption.folder(paths), paths.cache());
        if (solr != null) {
            fill(build, corpus, settings, solr, out, progress);
            return ExitCodes.OK;
        }
        IndexMetadata before = existing(index);
        IndexMetadata built = build.index(corpus, settings, index, progress);
        if (built.equals(before)) {
            out.printf("The index in %s is up to date: %,d passages from %d source(s), built %s.%n", index,
                    built.passages(), built.sources().size(), built.builtAt());
        } else {
            printBuilt(built, index, out);
        }
        return ExitCodes.OK;
    }

    /** Brings the drafts store up to date with the drafts folder, and says what that took. */
    private void updateDrafts(CorpusBuild build) throws NoveltyException {
        if (!Files.isDirectory(drafts)) {
            throw new ParameterException(command.commandLine(), "--drafts: " + drafts + " is not a folder");
        }
        DraftsUpdate update = build.into((embedder, updating) -> {
            try (DraftsStore store = DraftsStore.open(draftsStore, embedder)) {
                return store.updateAll(drafts, updating);
            }
        }, progress);
        out.printf("Drafts of %s in %s: %,d file(s), %,d passages; read %,d changed file(s), embedded %,d passage(s), "
                + "dropped %,d file(s) in %.1f s.%n", drafts, draftsStore, update.files(), update.passages(),
                update.filesRead(), update.passagesEmbedded(), update.filesDropped(), update.millis() / 1000.0);
    }

    /** Rebuilds the index from its recorded files, and says whether that upgraded its format or changed nothing. */
    private void rebuild(CorpusBuild build) throws NoveltyException {
        IndexMetadata before = LuceneCorpusIndex.readMetadata(index);
        IndexMetadata built = build.rebuild(index, progress);
        if (built.equals(before)) {
            out.printf("The index in %s is up to date: format %d, %,d passages from %d source(s), built %s.%n", index,
                    built.formatVersion(), built.passages(), built.sources().size(), built.builtAt());
            return;
        }
        out.printf("Rebuilt the index in %s from the %d source(s) it records, from format %d to format %d.%n", index,
                built.sources().size(), before.formatVersion(), built.formatVersion());
        printBuilt(built, index, out);
    }

    private static void printBuilt(IndexMetadata built, Path index, PrintStream out) {
        out.printf(
                "Indexed %,d distinct passages (%,d read) from %d source(s) into %s in %.1f s; embedded %,d, reused %,d.%n",
                built.passages(), built.passagesRead(), built.sources().size(), index, built.buildMillis() / 1000.0,
                built.embedded(), built.passages() - built.embedded());
        printSkipped(built.skipped(), out);
    }

    private void fill(CorpusBuild build, List<Path> corpus, IndexSettings settings, SolrAddress solr, PrintStream out,
            Progress progress) throws NoveltyException {
        Duration grace = Duration
                .ofMinutes(WholeNumbers.within(command, "--grace-minutes", graceMinutes, 0, 7 * 24 * 60));
        SolrCorpusFiller.Result filled = build.into((embedder, filling) -> SolrCorpusFiller.fill(corpus, settings,
                embedder, solr, paths.cache().resolve("solr-scratch").resolve(solr.collection()), filling,
                SolrCorpusFiller.Times.DEFAULT.withGrace(grace)), progress);
        out.printf("Filled the %s with %,d distinct passages (%,d read) from %d source(s) in %.1f s (%,.0f passages/s; "
                + "embedding and sending %.1f s, neighbour searches %.1f s, writing their statistics %.1f s, "
                + "calibrating the readouts %.1f s); "
                + "embedded %,d, reused %,d; now served by %s%s.%n",
                solr, filled.passages(), filled.passagesRead(), filled.sources(), filled.millis() / 1000.0,
                filled.passages() * 1000.0 / Math.max(1, filled.millis()), filled.uploadMillis() / 1000.0,
                filled.searchMillis() / 1000.0, filled.statisticsMillis() / 1000.0,
                filled.calibrationMillis() / 1000.0, filled.embedded(),
                filled.passages() - filled.embedded(),
                filled.generation(),
                filled.retries() == 0 ? "" : ", " + filled.retries() + " request(s) sent again");
        printSkipped(filled.skipped(), out);
        if (filled.kept() != null) {
            out.printf(
                    "  the previous generation %s is kept for %d min for the clients that opened it (they move on by "
                            + "themselves); the next fill after that deletes it%n",
                    filled.kept(), grace.toMinutes());
        }
        if (!filled.deleted().isEmpty()) {
            out.println("  deleted the replaced generation(s) whose grace period is over: "
                    + String.join(", ", filled.deleted()));
        }
        if (!filled.notDeleted().isEmpty()) {
            out.println("  could not delete " + String.join(", ", filled.notDeleted()) + "; the next fill tries "
                    + "again, or delete them with Solr's Collections API");
        }
    }

    private static void printSkipped(List<SkippedSource> skipped, PrintStream out) {
        for (SkippedSource source : skipped) {
            out.println("  skipped " + source.source() + ": " + source.reason() + " (" + source.detail() + ")");
        }
    }

    /** The metadata of the index already there, or null. */
    private static IndexMetadata existing(Path index) {
        try {
            return LuceneCorpusIndex.readMetadata(index);
        } catch (NoveltyException e) {
            return null;
        }
    }
}
