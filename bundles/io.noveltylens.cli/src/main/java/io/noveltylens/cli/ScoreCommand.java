package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;

import io.noveltylens.core.BackgroundResult;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.export.ReportJson;

/** {@code novelty score}: one report per passage, as text, JSON, or JSON Lines for stdin input. */
final class ScoreCommand implements Command {

    private final CliPaths paths;

    ScoreCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Arguments arguments = Arguments.parse(args, EngineOptions.valuedWith("file"), //$NON-NLS-1$
                Set.of("json", "no-hull")); //$NON-NLS-1$ //$NON-NLS-2$
        List<String> passages = Command.passages(arguments, in);
        boolean json = arguments.flag("json") || arguments.operands().equals(List.of("-")); //$NON-NLS-1$ //$NON-NLS-2$
        boolean hull = !arguments.flag("no-hull"); //$NON-NLS-1$
        try (NoveltyEngine engine = EngineOptions.open(arguments, paths)) {
            FutureTask<Void> hullData = new FutureTask<>(() -> {
                engine.prepareHull();
                return null;
            });
            if (hull) {
                // loads while the fast readouts are computed and printed
                Thread loader = new Thread(hullData, "novelty-hull-data"); //$NON-NLS-1$
                loader.setDaemon(true);
                loader.start();
            }
            for (String passage : passages) {
                NoveltyReport report = engine.analyze(passage, Progress.NONE);
                if (json) {
                    out.println(ReportJson.line(hull ? withHull(engine, report, hullData) : report, null));
                } else {
                    ReportText.print(report, out);
                    out.flush();
                    if (hull) {
                        ReportText.printHull(withHull(engine, report, hullData).hull(), out);
                    }
                }
            }
        }
        return Main.OK;
    }

    private static NoveltyReport withHull(NoveltyEngine engine, NoveltyReport report, FutureTask<Void> hullData)
            throws NoveltyException {
        BackgroundResult.await(hullData, "Loading the hull data"); //$NON-NLS-1$
        return engine.withHull(report, Progress.NONE);
    }

    @Override
    public String help() {
        return """
                Usage: novelty score [--index DIR] [--model DIR] [--k N] [--json] [--no-hull] [--budget-ms N]
                                     [TEXT... | --file F | -]

                Analyses each passage against the corpus: nearest passages (exact cosine), local density (percentile
                against corpus text of its kind and length), verbatim overlap, distance to the convex hull of the
                corpus and extrapolation depth (percentiles likewise). LOF and LoOP are in the JSON only. '-' reads one passage per line from standard input and writes JSON
                Lines; --json writes JSON. Without --index, the shipped default corpus is used. Over a SolrCloud
                collection the hull readouts come from an approximate search: their lower bounds and "outside"
                verdicts are marked not certified.
                  --k N          neighbours (default 10)
                  --no-hull      skip the hull readouts (faster)
                  --budget-ms N  time allowed to the hull readouts per passage (default %d)
                """.formatted(EngineOptions.HULL_BUDGET.toMillis()) + SolrOptions.HELP;
    }
}
