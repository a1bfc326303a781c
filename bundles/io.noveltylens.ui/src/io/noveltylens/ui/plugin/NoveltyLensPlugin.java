package io.noveltylens.ui.plugin;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.ImageRegistry;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.osgi.framework.BundleContext;

import io.noveltylens.ui.NoveltyLensImages;
import io.noveltylens.ui.engine.DraftsService;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.heatmap.EditorHeatmaps;
import io.noveltylens.ui.history.SaveHistories;

/** The UI bundle's activator: owns the shared engine, the heatmaps, the save histories and the image registry. */
public final class NoveltyLensPlugin extends AbstractUIPlugin {

    public static final String PLUGIN_ID = "io.noveltylens.ui"; //$NON-NLS-1$

    /** The folder of the state location that holds the documents' novelty histories. */
    public static final String HISTORY_FOLDER = "history"; //$NON-NLS-1$
    /** The folder of the state location that holds the drafts store. */
    public static final String DRAFTS_FOLDER = "drafts"; //$NON-NLS-1$

    private static NoveltyLensPlugin instance;

    private EngineService engineService;
    private EditorHeatmaps heatmaps;
    private SaveHistories histories;
    private DraftsService drafts;

    public static NoveltyLensPlugin getDefault() {
        return instance;
    }

    @Override
    public void start(BundleContext context) throws Exception {
        super.start(context);
        instance = this;
        engineService = new EngineService(getPreferenceStore(), getStateLocation().toPath());
        heatmaps = new EditorHeatmaps(engineService, getPreferenceStore());
        histories = new SaveHistories(engineService, heatmaps, getStateLocation().toPath().resolve(HISTORY_FOLDER));
        histories.start();
        drafts = new DraftsService(getPreferenceStore(), engineService,
                getStateLocation().toPath().resolve(DRAFTS_FOLDER));
        drafts.start();
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        histories.dispose();
        drafts.dispose();
        engineService.dispose();
        instance = null;
        super.stop(context);
    }

    /** The one engine of this workbench, opened lazily from the preferences. */
    public EngineService getEngineService() {
        return engineService;
    }

    /** The novelty histories of the documents the writer analyses. */
    public SaveHistories getHistories() {
        return histories;
    }

    /** The writer's drafts, kept as a second corpus. */
    public DraftsService getDrafts() {
        return drafts;
    }

    /** The editors whose novelty heatmap is on. */
    public EditorHeatmaps getHeatmaps() {
        return heatmaps;
    }

    @Override
    protected void initializeImageRegistry(ImageRegistry registry) {
        for (NoveltyLensImages image : NoveltyLensImages.values()) {
            registry.put(image.key(), imageDescriptorFromPlugin(PLUGIN_ID, image.path()));
        }
    }

    public static ImageDescriptor descriptor(NoveltyLensImages image) {
        return getDefault().getImageRegistry().getDescriptor(image.key());
    }

    public static org.eclipse.swt.graphics.Image image(NoveltyLensImages image) {
        return getDefault().getImageRegistry().get(image.key());
    }

    public static void log(String message, Throwable error) {
        ILog.of(NoveltyLensPlugin.class).log(new Status(IStatus.ERROR, PLUGIN_ID, message, error));
    }
}
