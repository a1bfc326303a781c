package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.noveltylens.ui.NoveltyLensPlugin;
import io.noveltylens.ui.analysis.JobFamilies;
import io.noveltylens.ui.prefs.NoveltyLensPreferencePage;
import io.noveltylens.ui.prefs.NoveltyLensPreferences;
import io.noveltylens.ui.view.NoveltyView;

class PreferencesTest {

    private static final String PAGE_ID = "io.noveltylens.ui.prefs"; //$NON-NLS-1$

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @BeforeAll
    static void indexCorpus() throws Exception {
        TestCorpus.install();
    }

    @AfterEach
    void restoreK() {
        store.setToDefault(NoveltyLensPreferences.NEIGHBOURS_K);
    }

    @Test
    void changingKChangesHowManyNeighboursTheViewShows() throws Exception {
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        // the view lists k neighbours whatever k the index's density statistics use (10, the shipped calibration)
        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, 7);
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> neighboursShown(view) == 7);
        assertEquals(7, view.reportPage().report().neighbours().size());

        store.setValue(NoveltyLensPreferences.NEIGHBOURS_K, 9);
        view.analyze(TestCorpus.LIBRARY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> neighboursShown(view) == 9);
    }

    @Test
    void preferencePageOpensWithTheCurrentSettings() throws Exception {
        assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find(PAGE_ID), "page registered"); //$NON-NLS-1$
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), PAGE_ID, new String[] { PAGE_ID }, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            dialog.getShell().setSize(1000, 900);
            UiTestSupport.spin();
            assertTrue(dialog.getSelectedPage() instanceof NoveltyLensPreferencePage, String.valueOf(dialog.getSelectedPage()));
            UiTestSupport.screenshot(dialog.getShell(), "preference-page"); //$NON-NLS-1$
        } finally {
            dialog.close();
        }
    }

    private static int neighboursShown(NoveltyView view) {
        return view.reportPage().report() == null ? -1 : view.reportPage().neighboursViewer().getTable().getItemCount();
    }
}
