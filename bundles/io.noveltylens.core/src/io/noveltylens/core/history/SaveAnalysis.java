package io.noveltylens.core.history;

import java.util.ArrayList;
import java.util.List;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.calibration.Words;
import io.noveltylens.core.corpus.PassageSplitter;
import io.noveltylens.core.corpus.TextSpan;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.exclude.MaskedText;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.verbatim.VerbatimOverlap;

/**
 * Reads a saved document paragraph by paragraph for its history: what the exclusions leave out is blanked over the
 * whole text first (front matter and block quotes are only recognised in context, and the offsets stay the
 * document's), the text is cut into passages as the index cuts its corpus (paragraphs, long ones into runs of
 * sentences), and each passage gets the fast readouts the Novelty view shows for a selection of it, calibrated
 * against corpus text of its length.
 */
public final class SaveAnalysis {

    private static final PassageSplitter PARAGRAPHS = new PassageSplitter(
            IndexSettings.defaults().maxPassageWords());

    private SaveAnalysis() {
    }

    /**
     * The readouts of every paragraph of {@code text} with words left after {@code exclusions}, as a save at
     * {@code savedAtMillis}. Checks {@code progress} for cancellation between paragraphs.
     */
    public static SaveReading read(NoveltyEngine engine, String text, Exclusions exclusions, long savedAtMillis,
            Progress progress) throws NoveltyException {
        MaskedText masked = exclusions.mask(text);
        String analysed = masked.analysed();
        List<TextSpan> spans = PARAGRAPHS.paragraphs(analysed).stream()
                .filter(span -> span.of(analysed).codePoints().anyMatch(Character::isLetterOrDigit)).toList();
        progress.begin(CoreText.SaveAnalysis_reading, spans.size());
        List<ParagraphReading> paragraphs = new ArrayList<>(spans.size());
        for (TextSpan span : spans) {
            progress.checkCanceled();
            String paragraph = span.of(analysed);
            // one neighbour listed: the nearest's cosine is all a history keeps
            NoveltyReport report = engine.analyze(paragraph, 1, new ProgressSlice(progress, 1));
            paragraphs.add(new ParagraphReading(TextHash.ofParagraph(span.of(text)), span.start(), span.end(),
                    Words.count(paragraph), report.density().percentile(),
                    report.neighbours().isEmpty() ? 0 : report.neighbours().get(0).cosine(),
                    report.verbatim().coverage(VerbatimOverlap.SHORTEST), report.matchLevel()));
        }
        return new SaveReading(savedAtMillis, CorpusFingerprint.of(engine.indexInfo()), paragraphs);
    }
}
