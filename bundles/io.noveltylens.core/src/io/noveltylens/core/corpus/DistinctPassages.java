package io.noveltylens.core.corpus;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct passages of a corpus in order of first appearance, each with the provenance of every copy, as the
 * in-memory de-duplication had them, without holding their text: texts go to a file in a scratch folder as they are
 * first seen and are read back in order, a batch at a time. In memory stay a SHA-256 per distinct passage
 * ({@link ContentHashes}) and five ints per passage read (its provenance), so a corpus of 600,000 passages costs about
 * 35 MB however long its texts are.
 */
public final class DistinctPassages extends PassageSink implements AutoCloseable {

    private static final int PROVENANCE_INTS = 5;
    /** A passage copied a million times must not bring a batch's provenance objects into memory a million at once. */
    private static final int MAX_COPIES_PER_BATCH = 1 << 16;

    private final Path texts;
    private final FileChannel channel;
    private final DataOutputStream out;
    private final MessageDigest sha256;
    private final ContentHashes hashes = new ContentHashes();
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIds = new HashMap<>();
    /** Per passage read: ordinal, source id, start, end, line. */
    private int[] provenance = new int[PROVENANCE_INTS * 1024];
    private int read;
    private long textBytes;
    private int fileStartOrdinal;
    private int fileStartRead;
    private long fileStartBytes;

    /** @param scratch an existing folder, private to this build, for the texts file */
    public DistinctPassages(Path scratch) throws IOException {
        texts = scratch.resolve("passages.bin");
        channel = FileChannel.open(texts, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Adds a passage as read: a new text is stored, a copy of one already stored only adds its provenance. */
    @Override
    void add(Passage passage) throws IOException {
        String text = TextNormalization.collapseWhitespace(passage.text());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int count = hashes.count();
        int ordinal = hashes.ordinalOf(sha256.digest(utf8));
        if (ordinal == count) {
            out.writeInt(utf8.length);
            out.write(utf8);
            textBytes += 4 + utf8.length;
        }
        if (PROVENANCE_INTS * (read + 1) > provenance.length) {
            provenance = Arrays.copyOf(provenance, provenance.length * 2);
        }
        Provenance where = passage.provenance();
        int at = PROVENANCE_INTS * read++;
        provenance[at] = ordinal;
        provenance[at + 1] = sourceIds.computeIfAbsent(where.source(), source -> {
            sources.add(source);
            return sources.size() - 1;
        });
        provenance[at + 2] = where.startOffset();
        provenance[at + 3] = where.endOffset();
        provenance[at + 4] = where.line();
    }

    /** Marks the start of a file, whose passages {@link #discardFile()} can take back. */
    @Override
    void beginFile() {
        fileStartOrdinal = hashes.count();
        fileStartRead = read;
        fileStartBytes = textBytes;
    }

    /** Takes back every passage added since {@link #beginFile()}: the file turned out unreadable or changed. */
    @Override
    void discardFile() throws IOException {
        out.flush();
        channel.truncate(fileStartBytes);
        textBytes = fileStartBytes;
        read = fileStartRead;
        hashes.truncate(fileStartOrdinal);
    }

    /** How many distinct passages. */
    public int count() {
        return hashes.count();
    }

    /** How many passages were read, copies included. */
    public int passagesRead() {
        return read;
    }

    /** The content hash (SHA-256 of the normalised text, hex) of the passage {@code ordinal}. */
    public String contentHash(int ordinal) {
        return hashes.hex(ordinal);
    }

    public boolean contains(String contentHash) {
        return hashes.find(contentHash) >= 0;
    }

    /**
     * Every passage as read, in reading order: its ordinal and the number of its source. Sources are read from start
     * to end, so consecutive reads of one source are consecutive passages of it.
     */
    public ReadingOrder readingOrder() {
        int[] ordinals = new int[read];
        int[] sourceNumbers = new int[read];
        for (int r = 0; r < read; r++) {
            ordinals[r] = provenance[PROVENANCE_INTS * r];
            sourceNumbers[r] = provenance[PROVENANCE_INTS * r + 1];
        }
        return new ReadingOrder(ordinals, sourceNumbers);
    }

    /** The passages as read: {@code ordinals[r]} is the r-th passage read, from source {@code sources[r]}. */
    public record ReadingOrder(int[] ordinals, int[] sources) {

        public int size() {
            return ordinals.length;
        }
    }

    /** Reads the passages back in order; one cursor at a time, once reading the corpus is over. */
    public Cursor cursor() throws IOException {
        out.flush();
        return new Cursor(provenanceByOrdinal());
    }

    /** Provenance record numbers grouped by passage: those of passage i are {@code records[firsts[i]..firsts[i+1])}. */
    private record ProvenanceGroups(int[] firsts, int[] records) {
    }

    /** Groups the provenance records by passage, each group in reading order (a stable counting sort). */
    private ProvenanceGroups provenanceByOrdinal() {
        int[] firsts = new int[count() + 1];
        for (int r = 0; r < read; r++) {
            firsts[provenance[PROVENANCE_INTS * r] + 1]++;
        }
        for (int i = 0; i < count(); i++) {
            firsts[i + 1] += firsts[i];
        }
        int[] records = new int[read];
        int[] next = Arrays.copyOf(firsts, count());
        for (int r = 0; r < read; r++) {
            records[next[provenance[PROVENANCE_INTS * r]]++] = r;
        }
        return new ProvenanceGroups(firsts, records);
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            out.close();
        } finally {
            Files.deleteIfExists(texts);
        }
    }

    /** Passages in order of first appearance, a batch at a time. */
    public final class Cursor implements AutoCloseable {

        private final int[] firsts;
        private final int[] records;
        private final DataInputStream in;
        private int ordinal;

        private Cursor(ProvenanceGroups groups) throws IOException {
            firsts = groups.firsts();
            records = groups.records();
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(texts), 1 << 16));
        }

        /** Ordinal of the first passage the next call of {@link #next(int)} returns. */
        public int position() {
            return ordinal;
        }

        /**
         * The next passages with their provenance, at most {@code max} of them and fewer when their copies would
         * exceed {@link #MAX_COPIES_PER_BATCH} provenance records; empty after the last.
         */
        public List<CorpusPassage> next(int max) throws IOException {
            List<CorpusPassage> batch = new ArrayList<>(Math.min(max, count() - ordinal));
            int copies = 0;
            for (; batch.size() < max && ordinal < count() && copies < MAX_COPIES_PER_BATCH; ordinal++) {
                batch.add(new CorpusPassage(nextText(), contentHash(ordinal), sourcesOf(ordinal)));
                copies += batch.getLast().sources().size();
            }
            return batch;
        }

        /** The texts of the next passages, at most {@code max} of them, for a pass that needs no provenance. */
        public List<String> nextTexts(int max) throws IOException {
            List<String> texts = new ArrayList<>(Math.min(max, count() - ordinal));
            for (; texts.size() < max && ordinal < count(); ordinal++) {
                texts.add(nextText());
            }
            return texts;
        }

        private String nextText() throws IOException {
            byte[] utf8 = new byte[in.readInt()];
            in.readFully(utf8);
            return new String(utf8, StandardCharsets.UTF_8);
        }

        private List<Provenance> sourcesOf(int passage) {
            List<Provenance> copies = new ArrayList<>(firsts[passage + 1] - firsts[passage]);
            for (int i = firsts[passage]; i < firsts[passage + 1]; i++) {
                int at = PROVENANCE_INTS * records[i];
                copies.add(new Provenance(sources.get(provenance[at + 1]), provenance[at + 2], provenance[at + 3],
                        provenance[at + 4]));
            }
            return copies;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
