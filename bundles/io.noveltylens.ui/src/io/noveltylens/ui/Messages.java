package io.noveltylens.ui;

import org.eclipse.osgi.util.NLS;

/** The bundle's user-facing strings, from messages.properties. */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.noveltylens.ui.messages"; //$NON-NLS-1$

    public static String AnalysisJob_internalError;
    public static String AnalysisJob_name;
    public static String AnnotateJob_done;
    public static String AnnotateJob_name;
    public static String AnnotateJob_skipped;
    public static String AnnotationResultsView_empty;
    public static String AnnotationResultsView_exportCsv;
    public static String AnnotationResultsView_exportFailed;
    public static String AnnotationResultsView_exportJsonl;
    public static String AnnotationResultsView_minimumPercentile;
    public static String AnnotationResultsView_summary;
    public static String CollectionAddress_addressMissing;
    public static String CollectionAddress_collectionMissing;
    public static String CollectionAddress_invalid;
    public static String CollectionCheck_task;
    public static String CopyNeighboursAction_text;
    public static String CopyNeighboursAction_tooltip;
    public static String CorpusSourcesEditor_addFile;
    public static String CorpusSourcesEditor_addFolder;
    public static String CorpusSourcesEditor_chooseFolder;
    public static String CustomModelFolder_cannotWrite;
    public static String CustomModelFolder_onnxMissing;
    public static String CustomModelFolder_tokenizerMissing;
    public static String DensitySection_distance;
    public static String DensitySection_percentile;
    public static String EditorHeatmap_failed;
    public static String EditorHeatmap_hover;
    public static String EngineCloseJob_name;
    public static String EngineConfigFactory_indexDirMissing;
    public static String EngineConfigFactory_shippedMissing;
    public static String EngineLoadJob_name;
    public static String EngineLoadJob_openingCollection;
    public static String EngineService_indexInfo;
    public static String EngineService_indexNotLoaded;
    public static String FailureText_buildIndex;
    public static String HeadlineSection_details;
    public static String HeadlineSection_hull;
    public static String HeadlineSection_hullCalibrated;
    public static String HeadlineSection_verdict;
    public static String HeatmapJob_name;
    public static String HullSection_computing;
    public static String HullSection_legend;
    public static String HullSection_unavailable;
    public static String IndexRebuildJob_cancelled;
    public static String IndexRebuildJob_done;
    public static String IndexRebuildJob_loadingModel;
    public static String IndexRebuildJob_name;
    public static String IndexRebuildJob_upgradeDone;
    public static String IndexRebuildJob_upgradeName;
    public static String LiveModeAction_text;
    public static String LiveModeAction_tooltip;
    public static String ModelCheck_task;
    public static String NeighbourLabels_similarityTooltip;
    public static String NeighboursSection_openFailed;
    public static String NeighboursSection_passage;
    public static String NeighboursSection_similarity;
    public static String NeighboursSection_source;
    public static String NoveltyMarkers_message;
    public static String NoveltyView_badInputTitle;
    public static String NoveltyView_collectionHint;
    public static String NoveltyView_failedTitle;
    public static String NoveltyView_loadingBody;
    public static String NoveltyView_loadingInBackground;
    public static String NoveltyView_loadingTitle;
    public static String NoveltyView_nothingSelectedLive;
    public static String NoveltyView_nothingSelectedManual;
    public static String NoveltyView_nothingSelectedTitle;
    public static String NoveltyView_openPreferences;
    public static String NoveltyView_openProgressView;
    public static String NoveltyView_rebuildingBody;
    public static String NoveltyView_rebuildingPrevious;
    public static String NoveltyView_rebuildingTitle;
    public static String NoveltyView_rebuildingWaiting;
    public static String NoveltyView_tryAgain;
    public static String PassageOpener_sourceMissing;
    public static String PinAction_text;
    public static String PinAction_tooltip;
    public static String PreferencePage_analysisGroup;
    public static String PreferencePage_collectionOk;
    public static String PreferencePage_corpusGroup;
    public static String PreferencePage_corpusIndex;
    public static String PreferencePage_corpusShipped;
    public static String PreferencePage_corpusSolr;
    public static String PreferencePage_corpusSources;
    public static String PreferencePage_description;
    public static String PreferencePage_echoBelow;
    public static String PreferencePage_exclude;
    public static String PreferencePage_heatmapGroup;
    public static String PreferencePage_hullBudget;
    public static String PreferencePage_include;
    public static String PreferencePage_indexDir;
    public static String PreferencePage_k;
    public static String PreferencePage_liveDelay;
    public static String PreferencePage_liveMode;
    public static String PreferencePage_maxTokens;
    public static String PreferencePage_modelCustom;
    public static String PreferencePage_modelGroup;
    public static String PreferencePage_modelOk;
    public static String PreferencePage_modelShipped;
    public static String PreferencePage_modelShippedInt8;
    public static String PreferencePage_normalize;
    public static String PreferencePage_novelAbove;
    public static String PreferencePage_onnxFile;
    public static String PreferencePage_passagePrefix;
    public static String PreferencePage_pooling;
    public static String PreferencePage_poolingCls;
    public static String PreferencePage_poolingMean;
    public static String PreferencePage_queryPrefix;
    public static String PreferencePage_rebuild;
    public static String PreferencePage_rebuildNeedsSources;
    public static String PreferencePage_rebuildStarted;
    public static String PreferencePage_rebuildTooltip;
    public static String PreferencePage_solrAddress;
    public static String PreferencePage_solrCollection;
    public static String PreferencePage_solrNote;
    public static String PreferencePage_sources;
    public static String PreferencePage_thresholdsOrder;
    public static String PreferencePage_tokenizerFile;
    public static String ProjectionSection_caption;
    public static String ReadoutFormat_sourceLine;
    public static String ReportPage_density;
    public static String ReportPage_hull;
    public static String ReportPage_neighbours;
    public static String ReportPage_projection;
    public static String ReportPage_verbatim;
    public static String ResultColumns_nearest;
    public static String ResultColumns_passage;
    public static String ResultColumns_percentile;
    public static String ResultColumns_source;
    public static String ResultColumns_verdict;
    public static String VerbatimSection_coverage;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
