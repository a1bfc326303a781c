package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceFilter;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCorpusUploader;

/** {@code novelty index}: builds or incrementally updates an index. */
final class IndexCommand implements Command {

    private final CliPaths paths;

    IndexCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Set<String> valued = new HashSet<>(SolrOptions.VALUED);
        valued.addAll(Set.of("corpus", "index", "model", "k", "include", "exclude")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
        Arguments arguments = Arguments.parse(args, valued, Set.of());
        List<Path> corpus = arguments.values("corpus").stream().map(Path::of).toList(); //$NON-NLS-1$
        corpus = corpus.isEmpty() ? arguments.operands().stream().map(Path::of).toList() : corpus;
        SolrAddress solr = SolrOptions.address(arguments);
        String index = arguments.value("index"); //$NON-NLS-1$
        if (index == null && solr != null) {
            // a collection is filled from a local index of the same corpus, where core computes the density statistics
            index = paths.cache().resolve("solr-staging").resolve(solr.collection()).toString(); //$NON-NLS-1$
        }
        if (corpus.isEmpty() || index == null) {
            throw new UsageException("give the corpus (--corpus PATH, repeatable) and the index folder (--index DIR) " //$NON-NLS-1$
                    + "or a SolrCloud collection (--solr URLS --collection NAME)"); //$NON-NLS-1$
        }
        IndexSettings defaults = IndexSettings.defaults();
        IndexSettings settings = defaults.with(arguments.intValue("k", defaults.k(), 1, 1000), //$NON-NLS-1$
                new SourceFilter(arguments.values("include"), arguments.values("exclude"))); //$NON-NLS-1$ //$NON-NLS-2$
        Path model = paths.model(arguments);
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(model, paths.cache()), paths.cache())) {
            IndexMetadata before = existing(Path.of(index));
            IndexMetadata built = new IndexBuilder(embedder, settings).build(corpus, Path.of(index), progress);
            if (built.equals(before)) {
                out.printf("The index in %s is up to date: %,d passages from %d source(s), built %s.%n", index, //$NON-NLS-1$
                        built.passages(), built.sources().size(), built.builtAt());
            } else {
                printBuilt(built, index, out);
            }
            if (solr != null) {
                upload(Path.of(index), solr, embedder, out, progress);
            }
        }
        return Main.OK;
    }

    private static void printBuilt(IndexMetadata built, String index, PrintStream out) {
        out.printf("Indexed %,d distinct passages (%,d read) from %d source(s) into %s in %.1f s; embedded %,d, reused %,d.%n", //$NON-NLS-1$
                built.passages(), built.passagesRead(), built.sources().size(), index, built.buildMillis() / 1000.0,
                built.embedded(), built.passages() - built.embedded());
        for (SkippedSource skipped : built.skipped()) {
            out.println("  skipped " + skipped.source() + ": " + skipped.reason() + " (" + skipped.detail() + ")"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
        }
    }

    private static void upload(Path index, SolrAddress solr, OnnxEmbedder embedder, PrintStream out, Progress progress)
            throws NoveltyException {
        try (LuceneCorpusIndex local = LuceneCorpusIndex.open(index, embedder.fingerprint(),
                embedder.model().dimension())) {
            SolrCorpusUploader.Result uploaded = SolrCorpusUploader.upload(local, solr, progress);
            out.printf("Uploaded %,d passages to the %s in %.1f s (%,.0f passages/s)%s.%n", uploaded.passages(), solr, //$NON-NLS-1$
                    uploaded.millis() / 1000.0, uploaded.passages() * 1000.0 / Math.max(1, uploaded.millis()),
                    uploaded.retries() == 0 ? "" : ", " + uploaded.retries() + " request(s) sent again"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
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

    @Override
    public String help() {
        return """
                Usage: novelty index --corpus PATH [--corpus PATH...] (--index DIR | --solr URLS --collection NAME) [--model DIR] [--k N]
                                     [--include GLOB...] [--exclude GLOB...]

                Reads the files and folders given (.txt .md .tex .html: paragraphs, or one passage per line when a
                file has no blank line; .jsonl: {"id","text","source"} per line; any of them gzipped), embeds every
                distinct passage and writes a Lucene HNSW index with the density and PCA statistics into DIR.
                Re-running embeds only passages not embedded before; the previous index stays usable until the new
                one is complete, and a killed run resumes where it stopped.
                  --model DIR     model folder with novelty-model.json (default: the shipped all-MiniLM-L6-v2)
                  --k N           neighbours for the density statistics (default 10)
                  --include GLOB  only files inside the folders whose name or relative path matches, e.g. '*.md'
                  --exclude GLOB  leave out matching files, e.g. 'drafts/**' (both repeatable)
                With --solr or --zk and --collection, the index built in DIR (default: a staging folder in the
                cache) is then uploaded to that SolrCloud collection, replacing what it held; made with 'novelty solr
                create', it refuses queries with another model, and until an upload has run to the end.
                """ + SolrOptions.HELP;
    }
}
