package io.noveltylens.ui.heatmap;

import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.editors.text.EditorsUI;

import io.noveltylens.core.analysis.MatchLevel;
import io.noveltylens.ui.Messages;

/**
 * How the heatmap shows each {@link MatchLevel}: the annotation type declared in plugin.xml (which carries its colour,
 * a user setting under General > Editors > Text Editors > Annotations), and the level's name and meaning for hovers
 * and the view's legend.
 */
public final class LevelAnnotations {

    private static final String TYPE_PREFIX = "io.noveltylens.ui.heatmap."; //$NON-NLS-1$
    private static final String COLOUR_KEY = "io.noveltylens.heatmap.%s.color"; //$NON-NLS-1$

    private LevelAnnotations() {
    }

    /** The annotation type of the level's sentences. */
    public static String type(MatchLevel level) {
        return TYPE_PREFIX + key(level);
    }

    /** The colour the editor paints the level with now (the theme's or the user's). */
    public static RGB colour(MatchLevel level) {
        return PreferenceConverter.getColor(EditorsUI.getPreferenceStore(), String.format(COLOUR_KEY, key(level)));
    }

    public static String label(MatchLevel level) {
        return switch (level) {
            case IDENTICAL -> Messages.MatchLevel_identical;
            case NEAR_VERBATIM -> Messages.MatchLevel_nearVerbatim;
            case PARAPHRASE -> Messages.MatchLevel_paraphrase;
            case RELATED -> Messages.MatchLevel_related;
            case NOVEL -> Messages.MatchLevel_novel;
        };
    }

    /** Completes "identical: ...", for a sentence or a passage. */
    public static String meaning(MatchLevel level) {
        return switch (level) {
            case IDENTICAL -> Messages.MatchLevel_identicalMeaning;
            case NEAR_VERBATIM -> Messages.MatchLevel_nearVerbatimMeaning;
            case PARAPHRASE -> Messages.MatchLevel_paraphraseMeaning;
            case RELATED -> Messages.MatchLevel_relatedMeaning;
            case NOVEL -> Messages.MatchLevel_novelMeaning;
        };
    }

    private static String key(MatchLevel level) {
        return switch (level) {
            case IDENTICAL -> "identical"; //$NON-NLS-1$
            case NEAR_VERBATIM -> "nearVerbatim"; //$NON-NLS-1$
            case PARAPHRASE -> "paraphrase"; //$NON-NLS-1$
            case RELATED -> "related"; //$NON-NLS-1$
            case NOVEL -> "novel"; //$NON-NLS-1$
        };
    }
}
