package io.noveltylens.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.drafts.AnalysedPassage;
import io.noveltylens.core.drafts.DraftsStore;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.export.ReportJson;
import io.noveltylens.core.index.Neighbour;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code novelty score}: one report per passage, as text, JSON, or JSON Lines for stdin input. */
@Command(name = "score", description = { "Analyse passages against the corpus.", "", """
        Analyses each passage against the corpus: nearest passages (exact cosine), local density (percentile \
        against corpus text of its kind and length), verbatim overlap, distance to the convex hull of the \
        corpus and extrapolation depth (percentiles likewise). LOF and LoOP are in the JSON only. '-' reads \
        one passage per line from standard input and writes JSON Lines; --json writes JSON. Without --index, \
        the shipped default corpus is used. Over a SolrCloud collection the hull readouts come from an \
        approximate search: their lower bounds and "outside" verdicts are marked not certified. Markup, front \
        matter, code and citations are left out of the analysis unless --exclude says otherwise; the JSON lists \
        the ranges left out. With --drafts, the nearest passages of the writer's own drafts (a store that \
        'novelty index --drafts' keeps) are listed beside the corpus's, as "draftsNeighbours" in the JSON; every \
        readout stays against the corpus.""" })
final class ScoreCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final InputStream in;
    private final PrintStream out;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private PassageInput input;

    @Option(names = "--json", description = "write the report as JSON")
    private boolean json;

    @Option(names = "--no-hull", description = "skip the hull readouts (faster)")
    private boolean noHull;

    @Mixin
    private ExclusionOption exclusionOption;

    @Option(names = "--drafts", paramLabel = "STORE", description = "also list the nearest passages of the drafts "
            + "store STORE (made by 'novelty index --drafts DIR --store STORE')")
    private Path draftsStore;

    @Spec
    private CommandSpec command;

    ScoreCommand(CliPaths paths, InputStream in, PrintStream out) {
        this.paths = paths;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        Exclusions exclusions = exclusionOption.exclusions(command.commandLine());
        int k = engineOptions.config(paths).k();
        List<String> passages = input.passages(in);
        boolean asJson = json || input.fromStandardInput();
        boolean hull = !noHull;
        if (draftsStore != null && !DraftsStore.exists(draftsStore)) {
            throw new ParameterException(command.commandLine(), "--drafts: " + draftsStore + " holds no drafts store; "
                    + "make it with 'novelty index --drafts DIR --store " + draftsStore + "'");
        }
        try (NoveltyEngine engine = engineOptions.open(paths);
                DraftsStore drafts = draftsStore == null ? null : DraftsStore.open(draftsStore, engine.embedder())) {
            FutureTask<Void> hullData = new FutureTask<>(() -> {
                engine.prepareHull();
                return null;
            });
            if (hull) {
                // loads while the fast readouts are computed and printed
                Thread loader = new Thread(hullData, "novelty-hull-data");
                loader.setDaemon(true);
                loader.start();
            }
            for (String passage : passages) {
                NoveltyReport report = engine.analyze(passage, exclusions, k, Progress.NONE);
                List<Neighbour> fromDrafts = drafts == null ? null
                        : drafts.nearest(report.embedding().unit(), k, AnalysedPassage.text(passage));
                if (asJson) {
                    NoveltyReport complete = hull ? withHull(engine, report, hullData) : report;
                    out.println(fromDrafts == null ? ReportJson.line(complete, null)
                            : ReportJson.line(complete, null, fromDrafts));
                } else {
                    ReportText.print(report, out);
                    if (fromDrafts != null) {
                        ReportText.printDrafts(fromDrafts, out);
                    }
                    out.flush();
                    if (hull) {
                        ReportText.printHull(withHull(engine, report, hullData).hull(), out);
                    }
                }
            }
            EngineOptions.requireModelVerified(engine);
        }
        return ExitCodes.OK;
    }

    private static NoveltyReport withHull(NoveltyEngine engine, NoveltyReport report, FutureTask<Void> hullData)
            throws NoveltyException {
        BackgroundResult.await(hullData, "Loading the hull data");
        return engine.withHull(report, Progress.NONE);
    }
}
