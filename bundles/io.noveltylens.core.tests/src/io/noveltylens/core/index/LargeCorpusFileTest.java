package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.corpus.CorpusReadResult;
import io.noveltylens.core.corpus.CorpusReader;
import io.noveltylens.core.corpus.PassageSplitter;

/**
 * A 200 MB corpus file of distinct passages (about 800,000) is streamed: reading it keeps a small, fixed amount of
 * heap per passage however long the texts are (the whole-file reading kept every text, about 2.5 GB at its peak for
 * such a file), and a cancelled build stops inside the file within a second, leaving the previous index as it was.
 */
class LargeCorpusFileTest {

    private static final long SIZE = 200L << 20;
    /** A hash, a table slot and one provenance record, with the slack of growing arrays: text is not in it. */
    private static final long MAX_RETAINED_BYTES_PER_PASSAGE = 160;

    @TempDir
    Path dir;

    @Test
    void readingKeepsAFewDozenBytesAPassageNotTheText() throws Exception {
        LargeCorpusFile corpus = LargeCorpusFile.write(dir.resolve("large.txt"), SIZE);
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long start = System.nanoTime();
        CorpusReader reader = new CorpusReader(new PassageSplitter(150), IndexSettings.defaults().maxFileBytes());
        try (CorpusReadResult read = reader.read(List.of(corpus.file()), scratch, Progress.NONE)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long retained = usedAfterGc(memory) - before;
            System.out.printf("LargeCorpusFile: %,d bytes, %,d passages read in %.1f s; heap retained %,d bytes "
                    + "(%.0f a passage)%n", corpus.bytes(), read.passagesRead(), seconds, retained,
                    (double) retained / read.passagesRead());
            assertEquals(corpus.lines(), read.passagesRead());
            assertEquals(corpus.lines(), read.passages().count(), "every line is a distinct passage");
            assertTrue(retained < MAX_RETAINED_BYTES_PER_PASSAGE * read.passagesRead(),
                    retained + " bytes retained for " + read.passagesRead() + " passages");
            assertTrue(retained < corpus.bytes() / 2, "far less than the text itself");
        }
    }

    @Test
    void aBuildCancelledInsideTheFileStopsWithinASecondAndKeepsThePreviousIndex() throws Exception {
        Path corpusFolder = Files.createDirectory(dir.resolve("corpus"));
        Files.writeString(corpusFolder.resolve("a.txt"), "a first passage of the corpus\nand a second one of it\n");
        Path index = dir.resolve("index");
        HashingEmbedder model = new HashingEmbedder("m1");
        IndexBuilder builder = new IndexBuilder(model, IndexSettings.defaults());
        IndexMetadata previous = builder.build(List.of(corpusFolder), index, Progress.NONE);
        LargeCorpusFile.write(corpusFolder.resolve("b-large.txt"), SIZE);

        CancelInsideReading progress = new CancelInsideReading();
        assertThrows(CancelledException.class, () -> builder.build(List.of(corpusFolder), index, progress));
        long stoppedAfterMillis = (System.nanoTime() - progress.requestedAt) / 1_000_000;
        System.out.printf("LargeCorpusFile: the build stopped %d ms after the cancel request, inside %s%n",
                stoppedAfterMillis, progress.file);
        assertEquals("b-large.txt", progress.file, "cancelled while reading the large file");
        assertTrue(stoppedAfterMillis < 1000, stoppedAfterMillis + " ms");
        assertFalse(Files.exists(index.resolve("reading.tmp")), "the scratch texts are deleted");
        try (LuceneCorpusIndex opened = LuceneCorpusIndex.open(index, model.fingerprint(), HashingEmbedder.DIMENSION)) {
            assertEquals(previous, opened.metadata(), "the previous index is current");
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Asks to cancel when half of the reading share is done: inside the large file, which is nearly all of it. */
    private static final class CancelInsideReading implements Progress {
        private int total;
        private int done;
        private String file;
        private volatile long requestedAt;

        @Override
        public void begin(String task, int totalWork) {
            total = totalWork;
        }

        @Override
        public void worked(int work) {
            done += work;
            // the build's first share (50 of 1,000 units) is reading
            if (requestedAt == 0 && done >= total / 40) {
                requestedAt = System.nanoTime();
            }
        }

        @Override
        public void subTask(String name) {
            if (requestedAt == 0 && name.endsWith(".txt")) {
                file = name;
            }
        }

        @Override
        public boolean isCanceled() {
            return requestedAt != 0;
        }
    }
}
