package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.SkippedSource;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.corpus.TextNormalization;

/**
 * Corpus files that change while a build reads them. The reader names each file in a progress sub-task just before
 * it reads it, which is where this test deletes one file (listed, then gone) and rewrites another that was already
 * read. The build skips the deleted file with its reason, records for the rewritten one the digest of the bytes it
 * embedded (not of the file as it is now), and the next incremental run sees the change and embeds only what changed.
 */
class CorpusChangesDuringBuildTest {

    @TempDir
    Path dir;

    @Test
    void aFileDeletedAfterListingIsSkippedAndAFileRewrittenAfterReadingIsPickedUpByTheNextRun() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        Path a = corpus.resolve("a.txt");
        Path b = corpus.resolve("b.txt");
        Path c = corpus.resolve("c.txt");
        String original = lines("alpha", 30);
        String rewritten = original.replace("alpha passage number 7 ", "alpha passage number seven, rewritten, ");
        Files.writeString(a, original);
        Files.writeString(b, lines("beta", 10));
        Files.writeString(c, lines("gamma", 10));
        HashingEmbedder model = new HashingEmbedder("m1");
        IndexBuilder builder = new IndexBuilder(model, IndexSettings.defaults());

        Progress changingFiles = new Progress() {
            @Override
            public void begin(String task, int totalWork) {
                // not observed
            }

            @Override
            public void worked(int work) {
                // not observed
            }

            @Override
            public void subTask(String name) {
                try {
                    if (name.equals("b.txt")) {
                        Files.delete(b);
                    } else if (name.equals("c.txt")) {
                        Files.writeString(a, rewritten);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean isCanceled() {
                return false;
            }
        };
        IndexMetadata first = builder.build(List.of(corpus), index, changingFiles);

        assertEquals(
                List.of(new SkippedSource("corpus/b.txt", SkippedSource.Reason.UNREADABLE, "deleted while reading")),
                first.skipped());
        assertEquals(List.of(new SourceDigest("corpus/a.txt", TextNormalization.sha256(original), 30),
                new SourceDigest("corpus/c.txt", TextNormalization.sha256(lines("gamma", 10)), 10)), first.sources(),
                "the digest is of the bytes that were embedded, not of the file as it is after the build");
        assertEquals(40, first.passages());
        assertTrue(indexHolds(index, model, "alpha passage number 7 speaks"));

        IndexMetadata second = builder.build(List.of(corpus), index, Progress.NONE);
        assertEquals(1, second.embedded(), "only the rewritten passage is embedded again");
        assertEquals(TextNormalization.sha256(rewritten), second.sources().get(0).sha256());
        assertEquals(List.of(), second.skipped(), "the deleted file is no longer part of the corpus");
        assertTrue(indexHolds(index, model, "alpha passage number seven, rewritten, speaks"));
        assertFalse(indexHolds(index, model, "alpha passage number 7 speaks"), "the old text is gone");
    }

    private static boolean indexHolds(Path index, HashingEmbedder model, String prefix) throws Exception {
        try (LuceneCorpusIndex opened = LuceneCorpusIndex.open(index, model.fingerprint(), HashingEmbedder.DIMENSION)) {
            for (int i = 0; i < opened.metadata().passages(); i++) {
                if (opened.passage(i).text().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Distinct lines, one passage each (the file has no blank line). */
    private static String lines(String topic, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(topic).append(" passage number ").append(i).append(" speaks of word").append(i % 7)
                    .append(" and item").append(i).append('\n');
        }
        return text.toString();
    }
}
