package io.noveltylens.ui.tests;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * What every workbench test starts from and returns to: the test corpus indexed and chosen, the window at the size
 * the screenshots are taken at, no editor open, the Novelty view not maximised, the live-mode and analysis settings
 * at the values the tests assume. Use with {@code @ExtendWith(WorkbenchFixture.class)}.
 */
final class WorkbenchFixture implements BeforeAllCallback, AfterEachCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestCorpus.install();
        UiTestSupport.sizeWindow(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        IWorkbenchPage page = Workspace.page();
        page.closeAllEditors(false);
        IViewPart view = page.findView(NoveltyView.ID);
        if (view != null) {
            page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);
        }
        IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();
        store.setToDefault(NoveltyLensPreferences.LIVE_MODE);
        store.setToDefault(NoveltyLensPreferences.LIVE_DELAY_MILLIS);
        store.setToDefault(NoveltyLensPreferences.NEIGHBOURS_K);
        store.setValue(NoveltyLensPreferences.HULL_BUDGET_MILLIS, TestCorpus.HULL_BUDGET_MILLIS);
    }
}
