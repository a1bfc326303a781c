package io.noveltylens.ui.tests;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.view.NoveltyView;

/**
 * What every workbench test starts from and returns to: the test corpus indexed and chosen, the window at the size
 * the screenshots are taken at, no editor open, the Novelty view not maximised, the live-mode and analysis settings
 * at the values the tests assume; and every test runs under a {@link UiThreadWatchdog}, which fails it when the UI
 * thread stalls for more than {@value UiThreadWatchdog#LIMIT_MILLIS} ms. Use with
 * {@code @ExtendWith(WorkbenchFixture.class)}.
 */
final class WorkbenchFixture implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Namespace WATCHDOG = Namespace.create(UiThreadWatchdog.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        TestCorpus.install();
        UiTestSupport.sizeWindow(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        UiThreadWatchdog watchdog = new UiThreadWatchdog(Display.getCurrent());
        context.getStore(WATCHDOG).put(UiThreadWatchdog.class, watchdog);
        watchdog.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UiThreadWatchdog watchdog = context.getStore(WATCHDOG).remove(UiThreadWatchdog.class, UiThreadWatchdog.class);
        watchdog.stop();
        long stall = watchdog.pluginStallMillis();
        System.out.printf("[ui-thread] %s: longest stall %d ms with the plug-in's code on the stack, %d ms in all%n",
                context.getDisplayName(), stall, watchdog.anyStallMillis());
        if (stall > UiThreadWatchdog.TARGET_MILLIS) {
            System.out.println("[ui-thread] over the " + UiThreadWatchdog.TARGET_MILLIS + " ms goal: "
                    + watchdog.pluginDispatch());
        } else if (watchdog.anyStallMillis() > UiThreadWatchdog.TARGET_MILLIS) {
            System.out.println("[ui-thread] the longest stall: " + watchdog.anyDispatch());
        }
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
        if (stall > UiThreadWatchdog.LIMIT_MILLIS) {
            throw new AssertionError("The UI thread stalled " + stall + " ms (limit " + UiThreadWatchdog.LIMIT_MILLIS
                    + " ms) running " + watchdog.pluginDispatch());
        }
    }
}
