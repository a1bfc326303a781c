package io.noveltylens.core.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into passages: paragraphs (separated by blank lines) or lines, and paragraphs longer than the model
 * sees at once into runs of whole sentences. The word budget is a proxy for the model's token limit: English prose
 * averages about 1.3 word pieces a word, so 150 words stay under MiniLM's 256 tokens. Text longer than the budget
 * without a sentence break is still embedded whole (the embedder windows it).
 */
public final class PassageSplitter {

    /** Passages shorter than this carry too little meaning to compare (headings, page numbers). */
    static final int MIN_WORDS = 3;

    private final int maxWords;

    public PassageSplitter(int maxWords) {
        if (maxWords < MIN_WORDS) {
            throw new IllegalArgumentException("maxWords " + maxWords);
        }
        this.maxWords = maxWords;
    }

    /** Paragraphs separated by one or more blank lines. */
    public List<TextSpan> paragraphs(String text) {
        List<TextSpan> passages = new ArrayList<>();
        int paragraphStart = -1;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            boolean blank = text.substring(lineStart, lineEnd).isBlank();
            if (blank && paragraphStart >= 0) {
                addSplit(text, paragraphStart, lineStart, passages);
                paragraphStart = -1;
            } else if (!blank && paragraphStart < 0) {
                paragraphStart = lineStart;
            }
            lineStart = lineEnd + 1;
        }
        if (paragraphStart >= 0) {
            addSplit(text, paragraphStart, text.length(), passages);
        }
        return passages;
    }

    /** One passage per non-blank line. */
    public List<TextSpan> lines(String text) {
        List<TextSpan> passages = new ArrayList<>();
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            addSplit(text, lineStart, lineEnd, passages);
            lineStart = lineEnd + 1;
        }
        return passages;
    }

    /**
     * The passages of one paragraph or line: itself, or runs of its sentences when it has more words than the budget.
     * Spans depend only on the block's own text, so cutting a file a paragraph at a time gives its whole-text spans.
     */
    public List<TextSpan> split(String block) {
        List<TextSpan> passages = new ArrayList<>();
        addSplit(block, 0, block.length(), passages);
        return passages;
    }

    private void addSplit(String text, int start, int end, List<TextSpan> out) {
        TextSpan span = SentenceSplitter.trim(text, start, end);
        if (span == null) {
            return;
        }
        if (wordCount(text, span.start(), span.end()) <= maxWords) {
            addIfLongEnough(text, span, out);
            return;
        }
        int runStart = -1;
        int runEnd = -1;
        int runWords = 0;
        for (TextSpan sentence : SentenceSplitter.sentences(text, span.start(), span.end())) {
            int words = wordCount(text, sentence.start(), sentence.end());
            if (runStart >= 0 && runWords + words > maxWords) {
                addIfLongEnough(text, new TextSpan(runStart, runEnd), out);
                runStart = -1;
                runWords = 0;
            }
            if (runStart < 0) {
                runStart = sentence.start();
            }
            runEnd = sentence.end();
            runWords += words;
        }
        if (runStart >= 0) {
            addIfLongEnough(text, new TextSpan(runStart, runEnd), out);
        }
    }

    private static void addIfLongEnough(String text, TextSpan span, List<TextSpan> out) {
        if (wordCount(text, span.start(), span.end()) >= MIN_WORDS) {
            out.add(span);
        }
    }

    static int wordCount(String text, int start, int end) {
        int words = 0;
        boolean inWord = false;
        for (int i = start; i < end; i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
