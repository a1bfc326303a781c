package io.noveltylens.core.index;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import org.apache.lucene.codecs.lucene95.HasIndexSlice;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.MemorySegmentAccessInput;

import io.noveltylens.core.corpus.DistinctPassages;
import io.noveltylens.core.math.FloatMatrix;

/**
 * The corpus embeddings in document order, as stored: L2-normalised vectors (for cosine and the hull readouts) and the
 * norm of each raw pooled vector, so that an index keeps raw = norm * unit without storing vectors twice.
 * <p>
 * An opened index reads its unit vectors in place from Lucene's vector file, which Lucene maps into memory: the
 * matrix of {@link #units()} is a view of the file's pages, so neither opening the index nor the hull's scans copy
 * the 69k x 384 floats of the default corpus (106 MB) onto the heap (docs/design.md, Memory). Where the file is not
 * mapped (another {@code Directory}, a big-endian machine, a vector format that keeps its floats elsewhere) the
 * vectors are read through Lucene's API until the hull asks for them as one matrix, which is then copied to the heap
 * once. Every way reads the same floats and sums them in the same order ({@link FloatMatrix#dot}), so a readout does
 * not depend on which one served it.
 */
final class StoredVectors {

    private final int count;
    private final int dimension;
    private final float[] norms;
    /** The segment whose vector field holds the unit vectors, or null when they were computed in memory. */
    private final LeafReader segment;
    private volatile FloatMatrix units;

    StoredVectors(FloatMatrix units, float[] norms) {
        this.count = units.rows();
        this.dimension = units.cols();
        this.norms = norms;
        this.segment = null;
        this.units = units;
    }

    private StoredVectors(LeafReader segment, int dimension, float[] norms) {
        this.count = norms.length;
        this.dimension = dimension;
        this.norms = norms;
        this.segment = segment;
    }

    static StoredVectors of(DistinctPassages passages, EmbeddingCache cache, int dimension) {
        float[] data = new float[passages.count() * dimension];
        float[] norms = new float[passages.count()];
        for (int i = 0; i < passages.count(); i++) {
            float[] raw = cache.get(passages.contentHash(i));
            double squares = 0;
            for (float value : raw) {
                squares += (double) value * value;
            }
            float norm = (float) Math.sqrt(squares);
            if (!(norm > 0) || !Float.isFinite(norm)) {
                throw new IllegalStateException("the model returned a zero or non-finite vector for a passage");
            }
            norms[i] = norm;
            for (int j = 0; j < dimension; j++) {
                data[i * dimension + j] = raw[j] / norm;
            }
        }
        return new StoredVectors(new FloatMatrix(passages.count(), dimension, data), norms);
    }

    /**
     * The vectors of an index's only segment, which must hold one of each per document: the norms are read now, the
     * unit vectors in place when Lucene maps them into memory, else when they are used.
     */
    static StoredVectors of(LeafReader segment, int dimension) throws IOException {
        FloatVectorValues values = segment.getFloatVectorValues(LuceneSchema.VECTOR);
        NumericDocValues norms = segment.getNumericDocValues(LuceneSchema.NORM);
        int n = segment.maxDoc();
        // as many vectors as documents: the field is dense, and a vector's ordinal is its document id
        if (values == null || norms == null || values.size() != n || values.dimension() != dimension) {
            throw new CorruptIndexException("vectors missing or of the wrong dimension", segment.toString());
        }
        float[] normArray = new float[n];
        for (int doc = norms.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = norms.nextDoc()) {
            normArray[doc] = Float.intBitsToFloat((int) norms.longValue());
        }
        MemorySegment mapped = mapped(values, n, dimension);
        return mapped != null ? new StoredVectors(FloatMatrix.over(mapped, n, dimension), normArray)
                : new StoredVectors(segment, dimension, normArray);
    }

    /**
     * The vector data of {@code values} as mapped by Lucene, or null when it is not mapped. Lucene's flat vector
     * format keeps a field's vectors densely in ordinal order, little-endian, which {@code vectorValue(ordinal)} reads
     * at {@code ordinal * dimension * 4} of the slice; the slice stays mapped until the reader is closed.
     */
    private static MemorySegment mapped(FloatVectorValues values, int count, int dimension) throws IOException {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || !(values instanceof HasIndexSlice sliced)
                || !(sliced.getSlice() instanceof MemorySegmentAccessInput input)) {
            return null;
        }
        return input.segmentSliceOrNull(0, (long) count * dimension * Float.BYTES);
    }

    int count() {
        return count;
    }

    /**
     * All unit vectors as one matrix: the mapped file, or, where it is not mapped, a copy made on first use (about
     * 100 MB for 69k passages).
     */
    FloatMatrix units() throws IOException {
        FloatMatrix loaded = units;
        if (loaded == null) {
            synchronized (this) {
                loaded = units;
                if (loaded == null) {
                    loaded = copied();
                    units = loaded;
                }
            }
        }
        return loaded;
    }

    private FloatMatrix copied() throws IOException {
        float[] data = new float[count * dimension];
        FloatVectorValues values = segment.getFloatVectorValues(LuceneSchema.VECTOR);
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        for (int doc = iterator.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = iterator
                .nextDoc()) {
            System.arraycopy(values.vectorValue(iterator.index()), 0, data, doc * dimension, dimension);
        }
        return new FloatMatrix(count, dimension, data);
    }

    /** A copy of unit vector {@code i}. */
    float[] unit(int i) throws IOException {
        FloatMatrix loaded = units;
        return loaded != null ? loaded.row(i)
                : segment.getFloatVectorValues(LuceneSchema.VECTOR).vectorValue(i).clone();
    }

    /**
     * {@code out[r]} = the dot product of unit vector {@code rows[r]} with {@code query}, for r below
     * {@code rowCount}: a search's exact re-scoring ({@link VectorSearch}).
     */
    void dots(int[] rows, int rowCount, double[] query, double[] out) throws IOException {
        FloatMatrix loaded = units;
        if (loaded != null) {
            for (int r = 0; r < rowCount; r++) {
                out[r] = loaded.dotRow(rows[r], query);
            }
            return;
        }
        // one reader per call: Lucene's vector values keep a position and a buffer, so threads must not share one
        FloatVectorValues values = segment.getFloatVectorValues(LuceneSchema.VECTOR);
        for (int r = 0; r < rowCount; r++) {
            out[r] = FloatMatrix.dot(values.vectorValue(rows[r]), 0, dimension, query);
        }
    }

    float norm(int i) {
        return norms[i];
    }
}
