package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineConfigFactory;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.prefs.NoveltyLensPreferencePage;
import io.noveltylens.ui.view.NoveltyView;

@ExtendWith(WorkbenchFixture.class)
class PreferencesTest {

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @Test
    void changingKOrTheHullBudgetChangesTheNextAnalysisWithoutReopeningTheEngine() throws Exception {
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        EngineService engines = NoveltyLensPlugin.getDefault().getEngineService();
        NoveltyEngine engine = engines.acquire(new NullProgressMonitor());
        // the view lists k neighbours whatever k the index's density statistics use (10, the shipped calibration)
        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, 7);
        store.setValue(NoveltyLensPreferences.HULL_BUDGET_MILLIS, 500);
        assertTrue(engines.isCurrent(engine), "the engine (model and index) stays open");
        assertEquals(0, Job.getJobManager().find(JobFamilies.ENGINE_LOAD).length, "nothing is reloaded");
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> neighboursShown(view) == 7);
        assertEquals(7, view.reportPage().report().neighbours().size());

        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, 9);
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> neighboursShown(view) == 9);
        assertTrue(engines.isCurrent(engine), "the engine (model and index) is still the same");
    }

    @Test
    void preferencePageFitsTheDialogAtItsDefaultSize() throws Exception {
        assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(UiTestSupport.PREFERENCE_PAGE),
                "page registered");
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            assertTrue(dialog.getSelectedPage() instanceof NoveltyLensPreferencePage,
                    String.valueOf(dialog.getSelectedPage()));
            UiTestSupport.screenshot(dialog.getShell(), "preference-page");
            // the page sits in a scrolled composite: wider than it, it would need a horizontal scroll bar
            Control page = ((NoveltyLensPreferencePage) dialog.getSelectedPage()).getControl();
            Composite scrolled = page.getParent();
            while (!(scrolled instanceof ScrolledComposite)) {
                scrolled = scrolled.getParent();
            }
            int wanted = page.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
            System.out.printf("preference dialog %s, page wants %d px, has %d px%n", dialog.getShell().getSize(),
                    wanted,
                    scrolled.getClientArea().width);
            assertTrue(wanted <= scrolled.getClientArea().width, "the page wants " + wanted + " px of "
                    + scrolled.getClientArea().width);
        } finally {
            dialog.close();
        }
    }

    /**
     * The int8 model is an optional feature, which this test runtime does not install (as a default install): the
     * page leaves it out of the model choices, unless the stored choice still names it (then it shows, chosen).
     */
    @Test
    void theInt8ModelIsOfferedOnlyWhenItsOptionalFeatureIsInstalledOrStillChosen() throws Exception {
        assertNull(Platform.getBundle(EngineConfigFactory.MODEL_INT8_BUNDLE), "the oracle: not installed here");
        String choice = store.getString(NoveltyLensPreferences.MODEL_CHOICE);
        try {
            store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED);
            assertEquals(List.of(Messages.PreferencePage_modelShipped, Messages.PreferencePage_modelCustom),
                    modelChoicesShown("preference-page-default-install"));
            store.setValue(NoveltyLensPreferences.MODEL_CHOICE, NoveltyLensPreferences.SHIPPED_INT8);
            assertEquals(List.of(Messages.PreferencePage_modelShipped, Messages.PreferencePage_modelShippedInt8,
                    Messages.PreferencePage_modelCustom), modelChoicesShown(null));
        } finally {
            store.setValue(NoveltyLensPreferences.MODEL_CHOICE, choice);
        }
    }

    /** The labels of the page's model radio buttons, top to bottom. */
    private static List<String> modelChoicesShown(String screenshot) throws Exception {
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            if (screenshot != null) {
                UiTestSupport.screenshot(dialog.getShell(), screenshot);
            }
            Set<String> models = Set.of(Messages.PreferencePage_modelShipped, Messages.PreferencePage_modelShippedInt8,
                    Messages.PreferencePage_modelCustom);
            return UiTestSupport.tree(dialog.getShell()).stream()
                    .filter(c -> c instanceof Button b && (b.getStyle() & SWT.RADIO) != 0
                            && models.contains(b.getText()))
                    .map(c -> ((Button) c).getText()).toList();
        } finally {
            dialog.close();
        }
    }

    private static int neighboursShown(NoveltyView view) {
        return view.reportPage().report() == null ? -1 : view.reportPage().neighboursViewer().getTable().getItemCount();
    }
}
