package io.noveltylens.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.AnnotationSink;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.annotate.ResultsFile;
import io.noveltylens.core.annotate.ResultsHeader;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;
import io.noveltylens.core.export.ReportJson;

/**
 * Scores every passage of several groups against one engine's corpus, with the hull readouts (the question a
 * comparison asks is "interpolation or extrapolation?"), through the same {@link CorpusAnnotator} as a single
 * annotation run, so a group's passages are exactly those {@code annotate} would score. Optionally keeps each
 * group's records in a results file that a rerun continues ({@link GroupFiles}), and writes the annotation export
 * {@code NAME.jsonl} from it, for analyses of one's own.
 */
public final class GroupScorer {

    /** Corpus passages shown behind the groups on the map: enough to show its shape, few enough for an SVG. */
    public static final int MAP_SAMPLE = 1500;

    private final NoveltyEngine engine;
    private final Exclusions exclusions;

    /** @param exclusions what each passage leaves out, as in an annotation run */
    public GroupScorer(NoveltyEngine engine, Exclusions exclusions) {
        this.engine = engine;
        this.exclusions = exclusions;
    }

    /** The plane the passages' map coordinates are on, with {@link #MAP_SAMPLE} corpus passages. */
    public PrincipalPlane plane() throws NoveltyException {
        return engine.principalPlane(MAP_SAMPLE);
    }

    /**
     * Scores the groups in order. With {@code files}, each group's records go to its results file as they are scored
     * (continued from an earlier run's as {@code files} says) and the group's scores are read back from that file
     * once the group is complete; without, they are kept in memory only.
     *
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public List<GroupScores> score(List<Group> groups, PrincipalPlane plane, GroupFiles files, Progress progress)
            throws NoveltyException {
        requireComparable(groups);
        if (files != null) {
            createFolder(files.folder());
        }
        progress.begin(CoreText.GroupScorer_scoring, groups.size());
        CorpusAnnotator annotator = new CorpusAnnotator(engine, true, exclusions);
        List<GroupScores> scored = new ArrayList<>(groups.size());
        for (Group group : groups) {
            ProgressSlice slice = new ProgressSlice(progress, 1);
            if (files == null) {
                List<PassageScore> passages = new ArrayList<>();
                AnnotationSummary summary = annotator.annotate(group.roots(), slice,
                        passage -> passages.add(score(passage, plane)));
                scored.add(new GroupScores(group, passages, summary));
            } else {
                scored.add(scoreInto(files, group, annotator, plane, slice));
            }
        }
        return scored;
    }

    /**
     * Scores the passages of {@code group} its results file lacks into that file, then reads the group's scores back
     * from it: the file then holds exactly the passages the group has now ({@link ResultsFile#complete()}), in order.
     */
    private GroupScores scoreInto(GroupFiles files, Group group, CorpusAnnotator annotator, PrincipalPlane plane,
            Progress progress) throws NoveltyException {
        Path file = files.resultsFile(group);
        ResultsHeader header = ResultsHeader.of(engine, true, exclusions);
        AnnotationSummary summary;
        int dropped;
        StringBuilder startedOver = new StringBuilder();
        try (ResultsFile results = open(file, header, files.rerun(), startedOver)) {
            summary = annotator.annotate(group.roots(), results::resumes, progress, new MappedRecords(results, plane));
            dropped = results.complete();
        }
        List<PassageScore> passages = new ArrayList<>();
        ResultsFile.records(file, header, record -> passages.add(PassageScore.of(record)));
        if (files.exports()) {
            ResultsFile.export(file, annotationFile(files.folder(), group), AnnotationFormat.JSON_LINES);
        }
        return new GroupScores(group, passages, summary, new ResumedFile(file, dropped, startedOver.toString()));
    }

    /** Opens the group's results file as {@code rerun} says; a file of another run replaced says why in {@code why}. */
    private static ResultsFile open(Path file, ResultsHeader header, GroupFiles.Rerun rerun, StringBuilder why)
            throws NoveltyException {
        if (rerun == GroupFiles.Rerun.START_OVER) {
            return ResultsFile.create(file, header);
        }
        try {
            return ResultsFile.resume(file, header, row -> {
            });
        } catch (NoveltyException e) {
            if (rerun == GroupFiles.Rerun.RESUME || e.kind() != NoveltyException.Kind.BAD_INPUT) {
                throw e;
            }
            why.append(e.getMessage());
            return ResultsFile.create(file, header);
        }
    }

    /** Writes each passage's record with where it lies on the map, which the report alone cannot give back. */
    private static final class MappedRecords implements AnnotationSink {
        private final ResultsFile results;
        private final PrincipalPlane plane;

        MappedRecords(ResultsFile results, PrincipalPlane plane) {
            this.results = results;
            this.plane = plane;
        }

        @Override
        public void accept(AnnotatedPassage passage) throws NoveltyException {
            JsonObject record = ReportJson.object(passage.report(), passage.provenance());
            double[] xy = plane.coordinates(passage.report().embedding().unit());
            JsonObject map = new JsonObject();
            map.addProperty("x", xy[0]);
            map.addProperty("y", xy[1]);
            record.add(PassageScore.MAP, map);
            results.accept(passage, record);
        }

        @Override
        public void fileDone() throws NoveltyException {
            results.fileDone();
        }
    }

    /**
     * Refuses fewer than two groups, and two groups whose annotation files would have one name (file systems may
     * ignore case), before any passage is scored.
     */
    public static void requireComparable(List<Group> groups) throws NoveltyException {
        if (groups.size() < 2) {
            throw new NoveltyException(NoveltyException.Kind.BAD_INPUT,
                    CoreText.bind(CoreText.GroupScorer_fewGroups, groups.size()));
        }
        Map<String, Group> byFile = new HashMap<>();
        for (Group group : groups) {
            String file = annotationFile(Path.of(""), group).toString();
            Group other = byFile.putIfAbsent(file.toLowerCase(Locale.ROOT), group);
            if (other != null) {
                throw new NoveltyException(NoveltyException.Kind.BAD_INPUT,
                        CoreText.bind(CoreText.GroupScorer_sameFileName, other.name(), group.name(), file));
            }
        }
    }

    private static void createFolder(Path folder) throws NoveltyException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    CoreText.bind(CoreText.GroupScorer_folderFailed, folder.toAbsolutePath(), e), e);
        }
    }

    /** Where {@link #score} writes a group's annotation export. */
    public static Path annotationFile(Path folder, Group group) {
        return folder.resolve(group.fileStem() + AnnotationFormat.JSON_LINES.extension());
    }

    private static PassageScore score(AnnotatedPassage passage, PrincipalPlane plane) {
        NoveltyReport report = passage.report();
        double[] readouts = new double[Readout.values().length];
        for (Readout readout : Readout.values()) {
            readouts[readout.ordinal()] = readout.of(report);
        }
        double[] xy = plane.coordinates(report.embedding().unit());
        return new PassageScore(passage.provenance(), readouts,
                report.hull() == null ? List.of() : report.hull().depth().curve().stream().map(CurvePoint::of).toList(),
                xy[0], xy[1]);
    }
}
