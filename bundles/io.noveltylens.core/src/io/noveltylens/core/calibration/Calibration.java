package io.noveltylens.core.calibration;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import io.noveltylens.core.corpus.SentenceSplitter;

/**
 * The corpus's own distribution of each readout, for text of a query's kind and length: what an ordinary piece of the
 * corpus, a sentence, a paragraph or several paragraphs, gets when it is scored against the rest of the corpus as a
 * query would be (its own passages and their neighbours in the source left out). A query's readout is reported as a
 * percentile against the units of its kind and about its length, so that 50 means "as novel as ordinary corpus text
 * like it" whatever the length (docs/design.md, Calibration; measured by releng/validity.sh).
 * <p>
 * Two kinds: one sentence, and several. At equal length they differ: a 45-word sentence is more isolated than a
 * 45-word paragraph, which is more isolated than three short paragraphs joined, and a band that mixed them read
 * held-out paragraphs 10-15 points too low.
 *
 * @param oneSentence      units of one sentence
 * @param severalSentences units of two or more
 */
public record Calibration(ReadoutBands oneSentence, ReadoutBands severalSentences) {

    /**
     * Version of the format {@link #write(DataOutput)} writes; bump it on every change of the layout or of what the
     * values mean, so that an index with older values is rebuilt. 2: by kind and length. 3: the one-sentence units'
     * hull distances with the sentences of their nearest passages among the hull's points.
     */
    public static final int FORMAT_VERSION = 3;

    /** Whether {@code text} is of the kind "one sentence", which is read against corpus sentences. */
    public static boolean oneSentence(String text) {
        return SentenceSplitter.sentences(text).size() <= 1;
    }

    /** The reference for {@code text}: the bands of its kind (by its number of sentences) and its length. */
    public Match match(String text) {
        boolean single = oneSentence(text);
        return new Match(single ? oneSentence : severalSentences, Words.count(text), single);
    }

    /**
     * A text's reference, worked out once per text: splitting it into sentences and counting its words is the cost.
     *
     * @param bands       the bands of its kind
     * @param words       its length
     * @param oneSentence which kind it is
     */
    public record Match(ReadoutBands bands, int words, boolean oneSentence) {

        /**
         * What a readout from {@code readout} (one of {@link #bands()}'s) is read against, completing "of ...":
         * "corpus sentences of 12-23 words", "corpus passages of several sentences and 42-53 words".
         */
        public String comparedWith(LengthBands readout) {
            String lengths = readout.lengths(words);
            return oneSentence ? "corpus sentences of " + lengths
                    : "corpus passages of several sentences and " + lengths;
        }
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        oneSentence.write(out);
        severalSentences.write(out);
    }

    /** @throws IOException when the data has another format version or is damaged */
    public static Calibration read(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("calibration format " + version + ", expected " + FORMAT_VERSION);
        }
        return new Calibration(ReadoutBands.read(in), ReadoutBands.read(in));
    }
}
