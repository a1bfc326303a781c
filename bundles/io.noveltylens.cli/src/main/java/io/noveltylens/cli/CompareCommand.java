package io.noveltylens.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.noveltylens.core.Progress;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.chart.ChartImages;
import io.noveltylens.core.compare.Comparison;
import io.noveltylens.core.compare.Group;
import io.noveltylens.core.compare.GroupFiles;
import io.noveltylens.core.compare.GroupScorer;
import io.noveltylens.core.compare.GroupScores;
import io.noveltylens.core.compare.ResumedFile;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.report.ComparisonReport;
import io.noveltylens.core.report.ComparisonText;
import io.noveltylens.core.report.RunDescription;
import io.noveltylens.core.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code novelty compare}: scores the passages of named groups of files against the corpus with every calibrated
 * readout, and says how the groups differ, with intervals and a test; optionally the plots, and a report with both.
 */
@Command(name = "compare", description = { "Compare groups of files: is one group more novel than another?", "", """
        Scores every passage of each group (files and folders, cut as 'novelty annotate' cuts them) against the corpus \
        index, with the hull readouts, and prints per group the median and quartiles of the density, hull distance \
        and depth percentiles, and between groups the difference of medians and the AUROC with bootstrap intervals \
        and the Mann-Whitney U test, and the share of each group inside the corpus's hull at each number of \
        principal components. --out DIR also writes a self-contained report (DIR/report.html: statistics, plots, \
        corpus and model fingerprints, this command line) and every passage's readouts (DIR/NAME.jsonl), which \
        each group streams to DIR/NAME.results.jsonl as it is scored: after a cancel, a failure or a crash, run the \
        same command with --resume and only the passages those files lack are scored (a passage edited or deleted \
        since has its record dropped, so the result equals that of a run without interruption). --plots DIR \
        writes the plots as SVG and PNG. Without --index, the shipped default corpus is used.""" })
final class CompareCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final PrintStream out;
    private final Progress progress;

    @Spec
    private CommandSpec command;

    @Option(names = "--group", paramLabel = "NAME=PATH", required = true, description = "a group and a file or "
            + "folder of it (repeatable: at least two groups; a NAME given again adds PATH to that group)")
    private List<String> groupOptions = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "write the report and each group's readouts here")
    private Path outDir;

    @Option(names = "--resume", description = "continue the groups' results files in the --out DIR "
            + "(NAME.results.jsonl) that a cancelled or failed run left: passages they hold are not scored again")
    private boolean resume;

    @Option(names = "--plots", paramLabel = "DIR", description = "write the plots here as SVG and PNG")
    private Path plotsDir;

    @Option(names = "--bootstrap", paramLabel = "N", description = "bootstrap replicates of each interval "
            + "(default: ${DEFAULT-VALUE})")
    private int replicates = Bootstrap.DEFAULT_REPLICATES;

    @Option(names = "--seed", paramLabel = "N", description = "the bootstrap's seed: the same seed gives the same "
            + "intervals (default: ${DEFAULT-VALUE})")
    private long seed = Bootstrap.DEFAULT_SEED;

    @Mixin
    private EngineOptions engineOptions;

    @Mixin
    private ExclusionOption exclusionOption;

    CompareCommand(CliPaths paths, PrintStream out, Progress progress) {
        this.paths = paths;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        List<Group> groups = groups();
        GroupScorer.requireComparable(groups);
        if (resume && outDir == null) {
            throw new ParameterException(command.commandLine(), "--resume continues the results files of --out DIR: "
                    + "give the --out DIR of the run to continue");
        }
        Bootstrap bootstrap = new Bootstrap(WholeNumbers.within(command, "--bootstrap", replicates, 100, 1_000_000),
                seed, Bootstrap.DEFAULT_LEVEL);
        Exclusions exclusions = exclusionOption.exclusions(command.commandLine());
        long start = System.nanoTime();
        try (NoveltyEngine engine = engineOptions.open(paths)) {
            GroupScorer scorer = new GroupScorer(engine, exclusions);
            PrincipalPlane plane = scorer.plane();
            List<GroupScores> scored = scorer.score(groups, plane, groupFiles(), progress);
            scored.forEach(this::printRerun);
            Comparison comparison = Comparison.of(scored, bootstrap, progress);
            EngineOptions.requireModelVerified(engine);
            out.print(ComparisonText.of(comparison));
            if (plotsDir != null) {
                ChartImages.writeAll(comparison, plane, scored, plotsDir);
                out.println("Plots (SVG and PNG): " + plotsDir.toAbsolutePath().normalize());
            }
            if (outDir != null) {
                Path report = outDir.resolve(ComparisonReport.FILE_NAME);
                new ComparisonReport(new RunDescription(commandLine(), new CliVersion().getVersion()[0],
                        engineOptions.corpusLocation(paths), engine.indexInfo(), Instant.now()), scored, comparison,
                        plane).write(report);
                out.println("Report: " + report.toAbsolutePath().normalize());
            }
            out.printf("Compared %d groups in %.1f s.%n", groups.size(), (System.nanoTime() - start) / 1e9);
        }
        return ExitCodes.OK;
    }

    /**
     * What the run did with a group's results file of an earlier run: a comparison that resumed, dropped records or
     * started a file over must not pass for a fresh one.
     */
    private void printRerun(GroupScores group) {
        ResumedFile file = group.resultsFile();
        if (file == null) {
            return;
        }
        if (!file.startedOver().isEmpty()) {
            out.printf("The results file of %s was started over: %s%n", group.name(), file.startedOver());
        }
        if (group.summary().resumed() > 0) {
            out.printf("Resumed %s: %,d of %,d passages were already scored in %s.%n", group.name(),
                    group.summary().resumed(), group.passages().size(), file.file());
        }
        if (file.dropped() > 0) {
            out.printf("%s: %,d records of passages edited, moved or deleted since the earlier run were dropped from "
                    + "%s.%n", group.name(), file.dropped(), file.file());
        }
    }

    /**
     * Each group's results file in the --out folder, continued with --resume and started over without; none (the
     * scores kept in memory only) without --out.
     */
    private GroupFiles groupFiles() {
        return outDir == null ? null
                : new GroupFiles(outDir, resume ? GroupFiles.Rerun.RESUME : GroupFiles.Rerun.START_OVER, true);
    }

    /** The groups in the order first named; a name given again adds its path to the group. */
    private List<Group> groups() {
        Map<String, List<Path>> roots = new LinkedHashMap<>();
        for (String option : groupOptions) {
            int equals = option.indexOf('=');
            if (equals <= 0 || equals == option.length() - 1 || option.substring(0, equals).isBlank()) {
                throw new ParameterException(command.commandLine(), "--group " + option + " must be NAME=PATH, "
                        + "for example --group \"model outputs=generated/\"");
            }
            roots.computeIfAbsent(option.substring(0, equals).strip(), name -> new ArrayList<>())
                    .add(Path.of(option.substring(equals + 1)));
        }
        if (roots.size() < 2) {
            throw new ParameterException(command.commandLine(), "give at least two groups to compare: --group "
                    + "NAME=PATH, again with another NAME");
        }
        List<Group> groups = new ArrayList<>();
        roots.forEach((name, paths) -> groups.add(new Group(name, paths)));
        return groups;
    }

    /** The command as typed, each argument quoted when it needs to be, for the report. */
    private String commandLine() {
        return "novelty " + command.root().commandLine().getParseResult().originalArgs().stream()
                .map(arg -> arg.matches("[\\w./=:@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }
}
