package io.noveltylens.core.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.noveltylens.core.CoreText;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.ProgressSlice;
import io.noveltylens.core.analysis.NoveltyReport;
import io.noveltylens.core.analysis.PrincipalPlane;
import io.noveltylens.core.annotate.AnnotatedPassage;
import io.noveltylens.core.annotate.AnnotationFile;
import io.noveltylens.core.annotate.AnnotationFormat;
import io.noveltylens.core.annotate.AnnotationSink;
import io.noveltylens.core.annotate.AnnotationSummary;
import io.noveltylens.core.annotate.CorpusAnnotator;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.exclude.Exclusions;

/**
 * Scores every passage of several groups against one engine's corpus, with the hull readouts (the question a
 * comparison asks is "interpolation or extrapolation?"), through the same {@link CorpusAnnotator} as a single
 * annotation run, so a group's passages are exactly those {@code annotate} would score. Optionally writes each
 * group's full reports to {@code NAME.jsonl}, the annotation export, for analyses of one's own.
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
     * Scores the groups in order. With {@code annotations} a folder, each group's reports also go to
     * {@code annotations/NAME.jsonl}, which appears only when the group is complete.
     *
     * @throws io.noveltylens.core.CancelledException when {@code progress} is cancelled
     */
    public List<GroupScores> score(List<Group> groups, PrincipalPlane plane, Path annotations, Progress progress)
            throws NoveltyException {
        requireComparable(groups);
        if (annotations != null) {
            createFolder(annotations);
        }
        progress.begin(CoreText.GroupScorer_scoring, groups.size());
        CorpusAnnotator annotator = new CorpusAnnotator(engine, true, exclusions);
        List<GroupScores> scored = new ArrayList<>(groups.size());
        for (Group group : groups) {
            List<PassageScore> passages = new ArrayList<>();
            AnnotationSink keep = passage -> passages.add(score(passage, plane));
            ProgressSlice slice = new ProgressSlice(progress, 1);
            AnnotationSummary summary;
            if (annotations == null) {
                summary = annotator.annotate(group.roots(), slice, keep);
            } else {
                try (AnnotationFile file = AnnotationFile.create(annotationFile(annotations, group),
                        AnnotationFormat.JSON_LINES)) {
                    summary = annotator.annotate(group.roots(), slice, passage -> {
                        file.accept(passage);
                        keep.accept(passage);
                    });
                    file.commit();
                }
            }
            scored.add(new GroupScores(group, passages, summary));
        }
        return scored;
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

    /** Where {@link #score} writes a group's reports. */
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
                report.hull() == null ? List.of() : report.hull().depth().curve(), xy[0], xy[1]);
    }
}
