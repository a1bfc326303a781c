package io.noveltylens.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.Progress;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.PairComparison;
import io.noveltylens.core.compare.SyntheticGroups;
import io.noveltylens.core.corpus.SourceDigest;
import io.noveltylens.core.index.IndexMetadata;
import io.noveltylens.core.stats.Bootstrap;

/** The report is one self-contained page with the comparison's numbers, its plots and how it was made. */
class ComparisonReportTest {

    private static final List<GroupScores> GROUPS = List.of(SyntheticGroups.group("human <essays>", 25, 20, 7, 1),
            SyntheticGroups.group("model outputs", 30, 35, 9, 2));

    @Test
    void writesOnePageWithEveryPlotInlineTheStatisticsAndTheFingerprints(@TempDir Path folder) throws Exception {
        Comparison comparison = Comparison.of(GROUPS, new Bootstrap(300, 5, 0.95), Progress.NONE);
        IndexMetadata corpus = new IndexMetadata(3, "all-minilm-l6-v2", "ab12cd", "ef34ab", 8, IndexMetadata.SIMILARITY,
                10, 150, 160, List.of(new SourceDigest("austen.txt.gz", "0123abcd", 150)), List.of(),
                "2026-12-07T09:00:00Z", 1000, 150, 0.5, 2);
        RunDescription run = new RunDescription("novelty compare --group 'human <essays>=h' --group model=m",
                "novelty 0.1.0", "/corpora/index", corpus, Instant.parse("2026-12-07T10:00:00Z"));
        Path file = folder.resolve("out").resolve(ComparisonReport.FILE_NAME);

        new ComparisonReport(run, GROUPS, comparison, SyntheticGroups.plane(40, 9)).write(file);

        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(3, count(html, "<svg "), "the three plots, inline");
        assertTrue(!html.contains("<img") && !html.contains("<script") && !html.contains("<link"),
                "nothing outside the page");
        assertTrue(html.contains("human &lt;essays&gt;"), "group names escaped");
        assertTrue(html.contains("novelty compare --group 'human &lt;essays&gt;=h' --group model=m"),
                "the command line");
        for (String fingerprint : List.of("ab12cd", "ef34ab", "0123abcd", "seed 5", "300 replicates")) {
            assertTrue(html.contains(fingerprint), fingerprint);
        }
        for (PairComparison pair : comparison.pairs()) {
            assertTrue(html.contains(String.format(Locale.ROOT, "<td>%+.1f</td>", pair.difference()
                    .medianDifference())), "median difference of " + pair.readout());
            assertTrue(html.contains(String.format(Locale.ROOT, "<td>%.3f</td>", pair.difference().auroc())),
                    "AUROC of " + pair.readout());
        }
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file beside the report");
        }
    }

    private static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

}
