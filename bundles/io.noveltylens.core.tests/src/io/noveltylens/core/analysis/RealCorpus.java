package io.noveltylens.core.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.FixtureTexts;
import io.noveltylens.core.embed.OnnxEmbedder;
import io.noveltylens.core.embed.TestModels;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;

/**
 * An index of real text built once per test JVM with the real model: 800 Austen paragraphs and 1,000 King James
 * verses from the fixtures. Kept under target/ with its embedding cache, so a rerun in the same checkout embeds
 * nothing. Other authors (Conan Doyle) and another genre (WordNet glosses) are the queries that should be novel.
 */
final class RealCorpus {

    static final int AUSTEN_PASSAGES = 800;
    static final Path DIR = Path.of("target", "real-corpus").toAbsolutePath();
    private static RealCorpus instance;

    final OnnxEmbedder embedder;
    final LuceneCorpusIndex index;
    final NoveltyAnalyzer analyzer;

    private RealCorpus(OnnxEmbedder embedder, LuceneCorpusIndex index) {
        this.embedder = embedder;
        this.index = index;
        this.analyzer = new NoveltyAnalyzer(embedder, index, 10, new HullAnalysis(Duration.ofSeconds(2)));
    }

    static synchronized RealCorpus get() throws NoveltyException, IOException {
        if (instance == null) {
            OnnxEmbedder embedder = TestModels.embedder(TestModels.FP32);
            Path sources = Files.createDirectories(DIR.resolve("sources"));
            Files.write(sources.resolve("austen.txt"), FixtureTexts.lines("austen-1500", AUSTEN_PASSAGES));
            Files.write(sources.resolve("kjv.txt"), FixtureTexts.lines("kjv-1000"));
            Path index = DIR.resolve("index");
            new IndexBuilder(embedder, IndexSettings.defaults()).build(List.of(sources), index, Progress.NONE);
            instance = new RealCorpus(embedder, LuceneCorpusIndex.open(index, embedder.fingerprint(),
                    embedder.model().dimension()));
        }
        return instance;
    }
}
