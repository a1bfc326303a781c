package io.noveltylens.core.verbatim;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The analyzer of the corpus's word field and of the passages compared with it: verbatim matching only works when
 * both sides are cut into words the same way, so index with {@link #create()} (or {@link #withShingles(String)}) and
 * nothing else. Like every Lucene analyzer it is thread-safe; close it when done.
 * <p>
 * It is Lucene's {@code StandardAnalyzer} chain (UAX #29 word segmentation, then lower-casing) without a stop filter:
 * a removed "of" or "the" would make "the rest of the house" match "the rest the house". (In Lucene 10.3.2
 * {@code new StandardAnalyzer()} has an empty stop set too, which a test checks; before Lucene 8 it removed English
 * stop words. This class pins the behaviour whatever the default.)
 * <p>
 * Two texts have the same words when they agree after segmentation and lower-casing: case, punctuation and white
 * space are ignored, so "Holmes, he said." matches "holmes he said" (and a phrase can match across a sentence end);
 * hyphens split words ("mother-in-law" = "mother in law"); an apostrophe inside a word is kept ("don't" is not
 * "dont"), and the typographic apostrophe U+2019 is read as the ASCII one, so "don’t" = "don't"; accents,
 * digits and spelling variants count ("café" is not "cafe", "colour" is not "color").
 */
public final class VerbatimAnalyzer extends Analyzer {

    /** The field that gets word shingles instead of words, or null. */
    private final String shingleField;

    private VerbatimAnalyzer(String shingleField) {
        super(PER_FIELD_REUSE_STRATEGY);
        this.shingleField = shingleField;
    }

    /** The analyzer of the word field (any field name). */
    public static VerbatimAnalyzer create() {
        return new VerbatimAnalyzer(null);
    }

    /**
     * The analyzer of a word field and a shingle field, for {@link ShingledPhraseIndex}: {@code shingleField} gets
     * every run of {@link VerbatimOverlap#SHORTEST} consecutive words as one term, every other field gets words.
     */
    public static VerbatimAnalyzer withShingles(String shingleField) {
        if (shingleField.isEmpty()) {
            throw new IllegalArgumentException("The shingle field needs a name");
        }
        return new VerbatimAnalyzer(shingleField);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream words = new LowerCaseFilter(tokenizer);
        return new TokenStreamComponents(tokenizer,
                fieldName.equals(shingleField) ? new WordShingleFilter(words, VerbatimOverlap.SHORTEST) : words);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new ApostropheFoldingReader(reader);
    }

    /** The words of {@code text} with their character offsets in it, in order. */
    public List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        try (TokenStream stream = tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a string cannot fail", e);
        }
        return words;
    }

    /**
     * Replaces U+2019 by an ASCII apostrophe, one char for one, so offsets stay those of the original text. Both are
     * word-internal for UAX #29, which would otherwise make "don’t" and "don't" different words.
     */
    private static final class ApostropheFoldingReader extends FilterReader {

        ApostropheFoldingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == '\u2019' ? '\'' : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            for (int i = offset; i < offset + read; i++) {
                if (buffer[i] == '\u2019') {
                    buffer[i] = '\'';
                }
            }
            return read;
        }
    }
}
