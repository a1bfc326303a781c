package io.noveltylens.core.exclude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.RealCorpusEngine;
import io.noveltylens.core.analysis.SentenceReadout;
import io.noveltylens.core.engine.EngineConfig;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.verbatim.VerbatimOverlap;

/** An analysis with exclusions, through the engine over the real test corpus. */
class ExcludedAnalysisTest {

    private static final Exclusions ALL = Exclusions.DEFAULT.with(Exclusion.QUOTATIONS);

    /** Then words of the test corpus's first Austen passage, so that a verbatim run starts at "His". */
    private static final String MARKDOWN = "> A block quote first, so the text analysed starts with blanks.\n\n"
            + "His son was sent for as soon as his **danger** was known, and to him Mr. "
            + "Dashwood recommended *the interest of his mother* \"as everyone knows\" (Austen, 1811).\n\n"
            + "The _quantum computer_ factored the number `n` overnight [4].";
    /** The same passage as a writer would strip it by hand: what the analysis must read. */
    private static final String BY_HAND = "His son was sent for as soon as his danger was known, and to him Mr. "
            + "Dashwood recommended the interest of his mother .\n\n"
            + "The quantum computer factored the number overnight .";

    /**
     * Oracle: the hand-stripped passage analysed without exclusions (the tokenizers of the model and of the verbatim
     * index ignore the blanks left behind).
     */
    @Test
    void theAnalysisReadsWhatAWriterWouldHaveStrippedByHand() throws Exception {
        NoveltyEngine engine = RealCorpusEngine.get();

        NoveltyReport excluded = engine.analyze(MARKDOWN, ALL, EngineConfig.DEFAULT_K, Progress.NONE);
        NoveltyReport byHand = engine.analyze(BY_HAND, Exclusions.NONE, EngineConfig.DEFAULT_K, Progress.NONE);

        assertEquals(MARKDOWN, excluded.text());
        assertEquals(byHand.neighbours().get(0).cosine(), excluded.neighbours().get(0).cosine(), 1e-6);
        assertEquals(byHand.density().percentile(), excluded.density().percentile(), 1e-9);
        assertEquals(byHand.verbatim().coverage(VerbatimOverlap.SHORTEST),
                excluded.verbatim().coverage(VerbatimOverlap.SHORTEST), 1e-12);
        assertEquals("1 inline code span, markup, 1 block quote, 1 quotation, 2 citations",
                MaskedText.summary(excluded.excluded()));
        assertEquals(byHand.sentences().size(), excluded.sentences().size());
    }

    /** The sentences' spans and the verbatim runs are offsets of the text as given (the heatmap places them so). */
    @Test
    void sentencesAndVerbatimRunsKeepTheOffsetsOfTheTextAsGiven() throws Exception {
        NoveltyReport report = RealCorpusEngine.get().analyze(MARKDOWN, ALL, EngineConfig.DEFAULT_K, Progress.NONE);

        List<SentenceReadout> sentences = report.sentences();
        assertTrue(sentences.get(0).span().of(MARKDOWN).startsWith("His son was sent for as soon as his **danger**"));
        assertTrue(sentences.get(1).span().of(MARKDOWN).startsWith("The _quantum computer_"));
        // the Austen words are in the corpus: their run starts at "His" and never covers the excluded quotation
        var longest = report.verbatim().longest().orElseThrow();
        assertEquals("His", MARKDOWN.substring(longest.startOffset(), longest.startOffset() + 3));
        assertTrue(longest.endOffset() <= MARKDOWN.indexOf("\"as everyone"), MARKDOWN.substring(longest.startOffset(),
                longest.endOffset()));
    }

    @Test
    void aPassageLeftOutWhollyIsRefusedSayingWhatWasLeftOut() throws Exception {
        NoveltyException refused = assertThrows(NoveltyException.class, () -> RealCorpusEngine.get()
                .analyze("> \"It is a truth universally acknowledged.\"\n\n```\ncode\n```", ALL, 10, Progress.NONE));

        assertEquals(NoveltyException.Kind.BAD_INPUT, refused.kind());
        assertTrue(refused.getMessage().contains("1 code block, 1 block quote"), refused.getMessage());
    }
}
