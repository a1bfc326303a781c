package io.noveltylens.core.index;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Raw embeddings already computed by one model, keyed by passage content hash: what makes re-indexing incremental and
 * a killed build resumable. The file is append-only and its records have a fixed size, each with a CRC: a record cut
 * short by a crash (the tail) or damaged on disk (anywhere) is detected on load and dropped on its own, the records
 * around it are kept, and the next build embeds only the passages whose records were dropped. Public for the drafts
 * store, which keeps the writer's own passages the same way.
 */
public final class EmbeddingCache implements AutoCloseable {

    private static final int MAGIC = 0x4E4C4543; // "NLEC"
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 32;
    private static final int HEADER_BYTES = 12;

    private final Path file;
    private final int dimension;
    private final Map<String, float[]> vectors;
    /** Whole records on disk whose CRC failed: kept out of {@link #vectors}, removed by the next compaction. */
    private int damagedRecords;
    private FileChannel appender;

    private EmbeddingCache(Path file, int dimension, Map<String, float[]> vectors, int damagedRecords) {
        this.file = file;
        this.dimension = dimension;
        this.vectors = vectors;
        this.damagedRecords = damagedRecords;
    }

    /** What loading found: the bytes of whole records (a torn tail excluded) and how many of them were damaged. */
    private record Loaded(long wholeRecordBytes, int damaged) {
    }

    /** Loads the intact records of the cache file (a missing or foreign file is an empty cache). */
    public static EmbeddingCache open(Path file, int dimension) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        long validBytes = 0;
        int damaged = 0;
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                if (in.readInt() == MAGIC && in.readInt() == VERSION && in.readInt() == dimension) {
                    Loaded loaded = readRecords(in, dimension, vectors);
                    validBytes = HEADER_BYTES + loaded.wholeRecordBytes();
                    damaged = loaded.damaged();
                }
            } catch (EOFException e) {
                // shorter than a header: treat as empty
            }
        }
        EmbeddingCache cache = new EmbeddingCache(file, dimension, vectors, damaged);
        cache.openAppender(validBytes);
        return cache;
    }

    /** Records have a fixed size, so a damaged one is skipped without losing the alignment of those after it. */
    private static Loaded readRecords(DataInputStream in, int dimension, Map<String, float[]> into) throws IOException {
        int recordBytes = recordBytes(dimension);
        byte[] record = new byte[recordBytes];
        long whole = 0;
        int damaged = 0;
        while (readFully(in, record)) {
            whole += recordBytes;
            ByteBuffer buffer = ByteBuffer.wrap(record);
            CRC32 crc = new CRC32();
            crc.update(record, 0, recordBytes - 4);
            if ((int) crc.getValue() != buffer.getInt(recordBytes - 4)) {
                damaged++;
                continue;
            }
            byte[] hash = new byte[HASH_BYTES];
            buffer.get(hash);
            float[] vector = new float[dimension];
            buffer.asFloatBuffer().get(vector);
            into.put(HexFormat.of().formatHex(hash), vector);
        }
        return new Loaded(whole, damaged);
    }

    private static boolean readFully(InputStream in, byte[] into) throws IOException {
        return in.readNBytes(into, 0, into.length) == into.length;
    }

    private static int recordBytes(int dimension) {
        return HASH_BYTES + 4 * dimension + 4;
    }

    private void openAppender(long validBytes) throws IOException {
        Files.createDirectories(file.getParent());
        appender = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (validBytes == 0) {
            appender.truncate(0);
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putInt(dimension);
            appender.write(header.flip());
        } else {
            appender.truncate(validBytes); // drop a torn tail
        }
        appender.position(appender.size());
    }

    public float[] get(String contentHash) {
        return vectors.get(contentHash);
    }

    public int size() {
        return vectors.size();
    }

    /** Appends and flushes to disk, so that a build killed after this call does not embed these passages again. */
    public void putAll(Map<String, float[]> computed) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(computed.size() * recordBytes(dimension));
        for (Map.Entry<String, float[]> entry : computed.entrySet()) {
            writeRecord(buffer, entry.getKey(), entry.getValue());
        }
        appender.write(buffer.flip());
        appender.force(false);
        vectors.putAll(computed);
    }

    private void writeRecord(ByteBuffer buffer, String hash, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("dimension " + vector.length + " != " + dimension);
        }
        int start = buffer.position();
        buffer.put(HexFormat.of().parseHex(hash));
        for (float value : vector) {
            buffer.putFloat(value);
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), start, buffer.position() - start);
        buffer.putInt((int) crc.getValue());
    }

    /**
     * Rewrites the file with only the given passages, so that a corpus that shrank does not keep dead vectors, and a
     * damaged record is not read (and skipped) again on every load.
     */
    public void retainOnly(Predicate<String> live) throws IOException {
        if (damagedRecords == 0 && vectors.keySet().stream().allMatch(live)) {
            return;
        }
        vectors.keySet().removeIf(live.negate());
        appender.close();
        Path compacted = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writeCompacted(compacted);
        } catch (IOException e) {
            Files.deleteIfExists(compacted); // the cache file itself is untouched
            throw e;
        }
        Files.move(compacted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        damagedRecords = 0;
        openAppender(Files.size(file));
    }

    private void writeCompacted(Path compacted) throws IOException {
        try (FileChannel out = FileChannel.open(compacted, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(VERSION).putInt(dimension).flip());
            ByteBuffer buffer = ByteBuffer.allocate(recordBytes(dimension));
            for (Map.Entry<String, float[]> entry : vectors.entrySet()) {
                buffer.clear();
                writeRecord(buffer, entry.getKey(), entry.getValue());
                out.write(buffer.flip());
            }
            out.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        appender.close();
    }
}
