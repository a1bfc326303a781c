package io.noveltylens.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Core's user-facing messages, read from {@code CoreText.properties} beside this class into its fields, as an
 * {@code NLS} subclass is (EGit's {@code CoreText}). Core also runs on the command line's plain class path, without
 * Equinox and so without {@code org.eclipse.osgi.util.NLS}: the file is read as a {@link ResourceBundle}, which
 * works in both runtimes. A message says what happened and what to do without naming a front end's menus or
 * command-line flags; a front end adds those from {@link NoveltyException#remedy()}.
 */
public final class CoreText {

    public static String AnnotationFile_isFolder;
    public static String AnnotationFile_noFolder;
    public static String AnnotationFile_writeFailed;
    public static String ChartImages_writeFailed;
    public static String ComparisonReport_writeFailed;
    public static String CorpusReader_missing;
    public static String CorpusReader_unlistable;
    public static String PassageInContext_moved;
    public static String PassageInContext_unreadable;
    public static String DensityModel_damaged;
    public static String DensityModel_formatVersion;
    public static String DjlEnvironment_noCache;
    public static String EncoderSession_otherDimension;
    public static String EncoderSession_unloadable;
    public static String Excluded_blockQuote;
    public static String Excluded_blockQuotes;
    public static String Excluded_citation;
    public static String Excluded_citations;
    public static String Excluded_codeBlock;
    public static String Excluded_codeBlocks;
    public static String Excluded_codeSpan;
    public static String Excluded_codeSpans;
    public static String Excluded_frontMatter;
    public static String Excluded_frontMatters;
    public static String Excluded_markup;
    public static String Excluded_quotation;
    public static String Excluded_quotations;
    public static String Excluded_referenceList;
    public static String Excluded_referenceLists;
    public static String Engine_loading;
    public static String Engine_loadingModelAndIndex;
    public static String Engine_modelChanged;
    public static String GroupScorer_fewGroups;
    public static String GroupScorer_folderFailed;
    public static String GroupScorer_sameFileName;
    public static String GroupScorer_scoring;
    public static String IndexBuilder_building;
    public static String IndexBuilder_compactFailed;
    public static String IndexBuilder_density;
    public static String IndexBuilder_embedding;
    public static String IndexBuilder_lockFailed;
    public static String IndexBuilder_locked;
    public static String IndexBuilder_upToDate;
    public static String IndexBuilder_writeFailed;
    public static String IndexBuilder_writingHnsw;
    public static String IndexMetadata_otherModel;
    public static String LuceneCorpusIndex_damaged;
    public static String LuceneCorpusIndex_formatVersion;
    public static String LuceneCorpusIndex_missing;
    public static String LuceneCorpusIndex_otherLucene;
    public static String LuceneCorpusIndex_queryDimension;
    public static String ModelDescriptor_fileMissing;
    public static String ModelDescriptor_invalid;
    public static String ModelDescriptor_missing;
    public static String ModelDescriptor_unreadable;
    public static String ModelFingerprint_unreadable;
    public static String NoveltyAnalyzer_allExcluded;
    public static String NoveltyAnalyzer_empty;
    public static String NoveltyAnalyzer_noLetters;
    public static String NoveltyAnalyzer_scoringSentences;
    public static String NoveltyAnalyzer_tooLong;
    public static String NoveltyAnalyzer_verbatimFailed;
    public static String OnnxEmbedder_prefixesTooLong;
    public static String OnnxEmbedder_runFailed;
    public static String OrtNatives_unpackFailed;
    public static String PassageTokenizer_unloadable;
    public static String SourcePaths_missing;
    // novelty history
    public static String HistoryStore_unreadable;
    public static String HistoryStore_unreadableKept;
    public static String HistoryStore_writeFailed;
    public static String SaveAnalysis_reading;

    public static String ResultsFile_otherRun;
    public static String ResultsFile_notResults;
    public static String ResultsFile_readFailed;
    public static String ResultsFile_writeFailed;
    public static String ResultsFile_rewriteFailed;

    public static String DraftsStore_embedding;
    public static String DraftsStore_reading;
    public static String DraftsStore_unreadable;
    public static String DraftsStore_unwritable;
    public static String DraftsStore_updating;

    static {
        ResourceBundle messages = ResourceBundle.getBundle(CoreText.class.getName(), Locale.getDefault(),
                CoreText.class.getClassLoader());
        for (Field field : CoreText.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    field.set(null, messages.getString(field.getName()));
                } catch (IllegalAccessException | MissingResourceException e) {
                    throw new ExceptionInInitializerError(e);
                }
            }
        }
    }

    private CoreText() {
    }

    /**
     * {@code message} with {@code {0}}, {@code {1}}... replaced by the arguments' {@code String.valueOf}, as
     * {@code NLS.bind} does: no {@code MessageFormat} quoting or number grouping, so an apostrophe stays one and a
     * count reads as it does in a log.
     */
    public static String bind(String message, Object... arguments) {
        StringBuilder bound = new StringBuilder(message.length() + 32);
        int from = 0;
        for (int open = message.indexOf('{'); open >= 0; open = message.indexOf('{', from)) {
            int close = message.indexOf('}', open);
            int index = close < 0 ? -1 : argumentIndex(message.substring(open + 1, close), arguments.length);
            if (index < 0) {
                bound.append(message, from, open + 1);
                from = open + 1;
                continue;
            }
            bound.append(message, from, open).append(arguments[index]);
            from = close + 1;
        }
        return bound.append(message, from, message.length()).toString();
    }

    /** The argument a placeholder names, or -1 when it names none (the brace is then text). */
    private static int argumentIndex(String placeholder, int count) {
        if (placeholder.isEmpty() || placeholder.length() > 2 || !placeholder.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int index = Integer.parseInt(placeholder);
        return index < count ? index : -1;
    }
}
