package io.noveltylens.core.index;

import java.lang.reflect.Type;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.noveltylens.core.corpus.CorpusPassage;
import io.noveltylens.core.corpus.Provenance;

/** The fields of a passage document. One document per distinct passage; document order is vector order. */
final class LuceneSchema {

    /** Content hash of the passage text: its stable id across builds. */
    static final String ID = "id";
    static final String TEXT = "text";
    /** Positional word index for verbatim phrase matching (not stored). */
    static final String WORDS = "words";
    /** JSON array of every provenance of the passage. */
    static final String SOURCES = "sources";
    /** L2-normalised embedding: dot product = cosine. */
    static final String VECTOR = "vector";
    /** Euclidean norm of the raw pooled embedding, so raw = norm * unit without storing the vector twice. */
    static final String NORM = "norm";

    private static final Gson GSON = new Gson();
    private static final Type PROVENANCE_LIST = new TypeToken<List<Provenance>>() {
    }.getType();

    private LuceneSchema() {
    }

    static Document document(CorpusPassage passage, List<Provenance> sources, float[] unit, float norm) {
        Document document = new Document();
        document.add(new StringField(ID, passage.contentHash(), Field.Store.YES));
        document.add(new StoredField(TEXT, passage.text()));
        document.add(new TextField(WORDS, passage.text(), Field.Store.NO));
        document.add(new StoredField(SOURCES, GSON.toJson(sources, PROVENANCE_LIST)));
        document.add(new KnnFloatVectorField(VECTOR, unit, VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new FloatDocValuesField(NORM, norm));
        return document;
    }

    static List<Provenance> sources(String json) {
        return GSON.fromJson(json, PROVENANCE_LIST);
    }
}
