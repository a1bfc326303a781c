package io.noveltylens.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;

/**
 * The embedding cache survives damage record by record: a record torn by a crash at the end of the file and a record
 * with a flipped bit in the middle are each dropped alone, every other record is reused, and the next build embeds
 * only the passages whose records were lost.
 */
class EmbeddingCacheTest {

    private static final int DIMENSION = HashingEmbedder.DIMENSION;
    /** 32-byte hash, the vector, a 4-byte CRC (the format EmbeddingCache writes). */
    private static final int RECORD = 32 + 4 * DIMENSION + 4;
    private static final int HEADER = 12;

    @TempDir
    Path dir;

    @Test
    void aTornTailAndADamagedMiddleRecordAreDroppedAloneAndOnlyTheyAreEmbeddedAgain() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        Files.writeString(corpus.resolve("a.txt"), lines("alpha", 40));
        HashingEmbedder model = new HashingEmbedder("m1");
        IndexBuilder builder = new IndexBuilder(model, IndexSettings.defaults());
        builder.build(List.of(corpus), index, Progress.NONE);
        Path file = new IndexLayout(index).embeddingCache(model.fingerprint().onnxSha256());
        assertEquals(HEADER + 40L * RECORD, Files.size(file));

        String damagedHash = hashOfRecord(file, 17);
        String nextHash = hashOfRecord(file, 18);
        String tornHash = hashOfRecord(file, 39);
        flipByteOfRecord(file, 17);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(HEADER + 39L * RECORD + RECORD / 2);
        }

        try (EmbeddingCache cache = EmbeddingCache.open(file, DIMENSION)) {
            assertEquals(38, cache.size(), "only the two damaged records are dropped");
            assertNull(cache.get(damagedHash));
            assertNull(cache.get(tornHash));
            assertEquals(DIMENSION, cache.get(nextHash).length, "the record after the damaged one is kept");
        }
        assertEquals(HEADER + 39L * RECORD, Files.size(file), "the torn tail is cut off at the last whole record");

        Files.writeString(corpus.resolve("b.txt"), lines("beta", 5));
        IndexMetadata rebuilt = builder.build(List.of(corpus), index, Progress.NONE);
        assertEquals(45, rebuilt.passages());
        assertEquals(7, rebuilt.embedded(), "5 new passages and the 2 whose records were lost");
        assertEquals(40 + 7, model.embeddedCount());
        assertEquals(HEADER + 45L * RECORD, Files.size(file),
                "the damaged record is compacted away instead of being skipped on every load");
        try (EmbeddingCache cache = EmbeddingCache.open(file, DIMENSION)) {
            assertEquals(45, cache.size());
        }
    }

    /** The records are in the order the build embedded them: passages sorted by length, as IndexBuilder does. */
    private static String hashOfRecord(Path file, int record) throws IOException {
        byte[] hash = new byte[32];
        try (FileChannel channel = FileChannel.open(file)) {
            channel.read(ByteBuffer.wrap(hash), HEADER + (long) record * RECORD);
        }
        return HexFormat.of().formatHex(hash);
    }

    private static void flipByteOfRecord(Path file, int record) throws IOException {
        long at = HEADER + (long) record * RECORD + 32 + 4 * 10; // inside the vector
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x10));
            channel.write(one.flip(), at);
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
