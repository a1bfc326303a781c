package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexBuilder;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.LuceneCorpusIndex;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCollections;
import io.noveltylens.solr.SolrCorpusFiller;
import io.noveltylens.test.support.SolrTestCluster;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.EngineState;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.prefs.NoveltyLensPreferencePage;
import io.noveltylens.ui.view.NoveltyView;

/**
 * A SolrCloud collection chosen on the preference page, on a real 3-node test cluster in its own process: the
 * collection holds a corpus that the IDE's own index does not, filled the way 'novelty index --solr' fills one (a
 * local index of the corpus, uploaded). The oracle for what the view shows is the local index of the same corpus.
 */
@ExtendWith(WorkbenchFixture.class)
class SolrCollectionTest {

    private static final String COLLECTION = "harbour";
    private static final String QUERY = "Tugboats nudged the container ship away from the quay at high tide.";
    private static final List<List<String>> COLLECTION_CORPUS = List.of(
            List.of(QUERY, "The harbour master logged every arrival in a leather-bound ledger.",
                    "Gulls followed the trawler back to port, hoping for scraps.",
                    "Dockworkers unloaded crates of oranges onto the wet cobblestones."),
            List.of("A tidal chart hangs beside the door of the ferry office.",
                    "The pilot boarded the tanker by a rope ladder in heavy swell.",
                    "Rust streaked the hull of the old freighter moored at the breakwater.",
                    "Fog horns sounded from the lighthouse all through the night."),
            List.of("The sailmaker stitched canvas by hand in a loft above the chandlery.",
                    "Customs officers inspected the manifest of every ship from abroad.",
                    "Children fished for crabs with bacon on a string from the pier.",
                    "A storm surge flooded the fish market twice that winter."));
    private static final String DRAFT = "Harbour scenes.\n\n" + QUERY + "\n";

    private static final String MARINA = "The new marina opened with berths for three hundred yachts.";

    private static SolrTestCluster cluster;
    private static Path work;
    private static Path localIndex;

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @BeforeAll
    static void fillACollectionOnATestCluster() throws Exception {
        long start = System.nanoTime();
        work = Files.createTempDirectory(Files.createDirectories(TestCorpus.basedir().resolve("target")), "solr-");
        cluster = SolrTestCluster.start(3, work.resolve("cluster"));
        long started = System.nanoTime();
        Path corpus = work.resolve("corpus");
        TestCorpus.write(corpus, COLLECTION_CORPUS, "collection-");
        // the IDE's engine has the test corpus's model: the collection must be filled with that same model
        NoveltyEngine engine = engines().acquire(new NullProgressMonitor());
        localIndex = work.resolve("local-index");
        new IndexBuilder(engine.embedder(), IndexSettings.defaults()).build(List.of(corpus), localIndex, Progress.NONE);
        SolrAddress address = SolrAddress.parse(null, cluster.zkHost(), COLLECTION);
        SolrCollections.create(address, engine.embedder().model().dimension(), 2, 1);
        SolrCorpusFiller.fill(List.of(corpus), IndexSettings.defaults(), engine.embedder(), address,
                work.resolve("scratch"), Progress.NONE);
        System.out.printf("Solr test cluster: 3 nodes started in %d ms, collection created and filled in %d ms%n",
                (started - start) / 1_000_000, (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void backToTheTestCorpus() throws Exception {
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOURCES);
        store.setToDefault(NoveltyLensPreferences.SOLR_ADDRESS);
        store.setToDefault(NoveltyLensPreferences.SOLR_COLLECTION);
        TestCorpus.awaitEngine();
    }

    @Test
    void theViewAnswersFromTheCollectionChosenOnThePreferencePage() throws Exception {
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            NoveltyLensPreferencePage page = (NoveltyLensPreferencePage) dialog.getSelectedPage();
            chooseCollection(page, cluster.zkHost(), COLLECTION);
            assertFalse(rebuildButton(page).isEnabled(), "a collection is filled from the command line, not rebuilt");
            scrollToCorpus(page);
            UiTestSupport.screenshot(dialog.getShell(), "preference-page-solr");
            long start = System.nanoTime();
            assertTrue(page.performOk(), page.getErrorMessage()); // Apply: connects, opens, checks the model
            System.out.printf("Apply with a SolrCloud collection: checked in %d ms%n",
                    (System.nanoTime() - start) / 1_000_000);
            assertTrue(
                    find(page.getControl(), Label.class,
                            label -> label.getText().startsWith("Connected: the collection holds "
                                    + count(COLLECTION_CORPUS) + " passages"))
                            .isPresent(),
                    "the page says what the collection holds");
            scrollToCorpus(page);
            UiTestSupport.screenshot(dialog.getShell(), "preference-page-solr-connected");
        } finally {
            dialog.close();
        }
        assertEquals(NoveltyLensPreferences.SOLR, store.getString(NoveltyLensPreferences.CORPUS_CHOICE));

        store.setValue(NoveltyLensPreferences.LIVE_DELAY_MILLIS, 0);
        IFile file = Workspace.file(Workspace.project("writer"), "harbour.txt", DRAFT);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        ITextEditor editor = Workspace.open(file);
        editor.selectAndReveal(DRAFT.indexOf(QUERY), QUERY.length());
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, QUERY));
        maximise(view);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-solr");

        // the passage itself first, from the collection's corpus (which the IDE's own test index does not hold)
        String source = view.reportPage().neighboursViewer().getTable().getItem(0).getText(2);
        assertEquals(QUERY, ((Neighbour) view.reportPage().neighboursViewer().getElementAt(0)).text().strip());
        assertTrue(source.startsWith("collection-1.txt:"), source);
        // and every neighbour, in order, as the local index of the same corpus ranks them (exact cosine there)
        NoveltyEngine engine = engines().acquire(new NullProgressMonitor());
        List<Neighbour> shown = view.reportPage().report().neighbours();
        try (LuceneCorpusIndex local = LuceneCorpusIndex.open(localIndex, null, 0)) {
            List<Neighbour> expected = local.nearest(engine.embedder().embedQuery(QUERY).unit(), shown.size());
            assertEquals(texts(expected), texts(shown));
            for (int i = 0; i < shown.size(); i++) {
                assertEquals(expected.get(i).cosine(), shown.get(i).cosine(), 1e-6, "similarity of neighbour " + i);
            }
        }
    }

    /**
     * A fill replaces a collection while the IDE has it open: the next analysis finds the corpus superseded, the
     * engine opens the new generation and the view answers from it, with no error on the way (the fill keeps the old
     * generation for a grace period). A collection of its own, so that the other tests' stays as they expect.
     */
    @Test
    void aRefillWhileTheViewIsOpenIsAnsweredFromWithoutAnError() throws Exception {
        String collection = "quay";
        NoveltyEngine engine = engines().acquire(new NullProgressMonitor());
        SolrAddress address = SolrAddress.parse(null, cluster.zkHost(), collection);
        Path first = work.resolve("quay-corpus");
        TestCorpus.write(first, COLLECTION_CORPUS, "collection-");
        fillOffTheUiThread(() -> {
            SolrCollections.create(address, engine.embedder().model().dimension(), 2, 1);
            return SolrCorpusFiller.fill(List.of(first), IndexSettings.defaults(), engine.embedder(), address,
                    work.resolve("quay-scratch"), Progress.NONE);
        });
        store.setValue(NoveltyLensPreferences.SOLR_ADDRESS, cluster.zkHost());
        store.setValue(NoveltyLensPreferences.SOLR_COLLECTION, collection);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOLR);
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        view.analyze(QUERY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, QUERY));

        Path grown = work.resolve("quay-grown");
        List<List<String>> corpus = new ArrayList<>(COLLECTION_CORPUS);
        corpus.add(List.of(MARINA, "Yachts crowded the pontoons for the summer regatta."));
        TestCorpus.write(grown, corpus, "collection-");
        // the engine that answers from the collection (the first one closed when the corpus choice changed)
        NoveltyEngine answering = engines().acquire(new NullProgressMonitor());
        SolrCorpusFiller.Result refill = fillOffTheUiThread(() -> SolrCorpusFiller.fill(List.of(grown),
                IndexSettings.defaults(), answering.embedder(), address, work.resolve("quay-scratch"), Progress.NONE));
        assertEquals(collection + ".g2", refill.kept(), "the replaced generation is kept for a grace period");

        view.analyze(MARINA);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, MARINA));
        assertEquals(MARINA, ((Neighbour) view.reportPage().neighboursViewer().getElementAt(0)).text().strip(),
                "answered from the new generation");
        assertEquals(count(corpus), engines().acquire(new NullProgressMonitor()).indexInfo().passages(),
                "the engine reads the new generation");
    }

    /** What a fill that the command line would run (from another machine) does, run while the event loop turns. */
    private static SolrCorpusFiller.Result fillOffTheUiThread(Fill fill) throws Exception {
        CompletableFuture<SolrCorpusFiller.Result> done = CompletableFuture.supplyAsync(() -> {
            try {
                return fill.run();
            } catch (NoveltyException e) {
                throw new CompletionException(e);
            }
        });
        UiTestSupport.runEventLoopUntil(done::isDone);
        return done.get();
    }

    @FunctionalInterface
    private interface Fill {
        SolrCorpusFiller.Result run() throws NoveltyException;
    }

    @Test
    void anUnreachableClusterIsRefusedOnApplyAndTheViewSaysWhatToDo() throws Exception {
        String nowhere = "http://127.0.0.1:1/solr"; // nothing listens on port 1
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            NoveltyLensPreferencePage page = (NoveltyLensPreferencePage) dialog.getSelectedPage();
            chooseCollection(page, nowhere, COLLECTION);
            assertFalse(page.performOk(), "Apply refuses the address");
            String error = page.getErrorMessage();
            assertNotNull(error);
            assertTrue(find(page.getControl(), Label.class, label -> label.getText().equals(error)).isPresent(),
                    "the whole message, with its fix, is also on the page, next to the fields");
            // which collection at which address failed, why (SolrJ's words), and what to check
            assertTrue(error.contains("SolrCloud collection 'harbour' at " + nowhere), error);
            assertTrue(error.contains("Check that the cluster is running"), error);
            assertFalse(error.contains("re-creating a new CloudSolrClient"),
                    "SolrJ's advice to its developers: " + error);
            scrollToCorpus(page);
            UiTestSupport.screenshot(dialog.getShell(), "preference-page-solr-unreachable");
        } finally {
            dialog.close();
        }
        assertEquals(NoveltyLensPreferences.SOURCES, store.getString(NoveltyLensPreferences.CORPUS_CHOICE),
                "the previous corpus stays chosen");

        // a collection that was fine on Apply and is unreachable later (the cluster went down): the view says what to do
        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        store.setValue(NoveltyLensPreferences.SOLR_ADDRESS, nowhere);
        store.setValue(NoveltyLensPreferences.SOLR_COLLECTION, COLLECTION);
        store.setValue(NoveltyLensPreferences.CORPUS_CHOICE, NoveltyLensPreferences.SOLR);
        view.analyze(QUERY);
        EngineService engines = engines();
        UiTestSupport.waitFor(JobFamilies.ENGINE_LOAD, () -> engines.state() instanceof EngineState.Failed
                && view.emptyStateBody() != null
                && view.emptyStateBody().contains(Messages.NoveltyView_collectionHint));
        assertTrue(view.emptyStateBody().contains("SolrCloud collection 'harbour' at " + nowhere),
                view.emptyStateBody());
        maximise(view);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-solr-unreachable");
    }

    /** What a user does on the page: picks the SolrCloud choice and types the address and the collection. */
    static void chooseCollection(NoveltyLensPreferencePage page, String address, String collection) {
        Button choice = find(page.getControl(), Button.class, button -> (button.getStyle() & SWT.RADIO) != 0
                && button.getText().equals(Messages.PreferencePage_corpusSolr)).orElseThrow();
        for (Control sibling : choice.getParent().getChildren()) {
            ((Button) sibling).setSelection(sibling == choice);
        }
        choice.notifyListeners(SWT.Selection, new Event());
        fieldAfter(page, Messages.PreferencePage_solrAddress).setText(address);
        fieldAfter(page, Messages.PreferencePage_solrCollection).setText(collection);
        UiTestSupport.spin();
    }

    /** The text field a field editor puts right after its label. */
    static Text fieldAfter(NoveltyLensPreferencePage page, String label) {
        Label found = find(page.getControl(), Label.class, l -> l.getText().equals(label)).orElseThrow();
        List<Control> siblings = List.of(found.getParent().getChildren());
        return (Text) siblings.get(siblings.indexOf(found) + 1);
    }

    /** The whole report on screen, for the screenshot (the fixture restores the layout after each test). */
    static void maximise(NoveltyView view) {
        Workspace.page().setPartState(Workspace.page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        UiTestSupport.spin();
    }

    /**
     * The page is taller than the dialog: scrolls its corpus group to the top, for the screenshots. First lets the
     * dialog finish what it does by itself (after Apply's progress dialog it gives the focus back to the last field,
     * which scrolls to that field).
     */
    static void scrollToCorpus(NoveltyLensPreferencePage page) {
        UiTestSupport.runEventLoopFor(500);
        Group corpus = find(page.getControl(), Group.class,
                g -> g.getText().equals(Messages.PreferencePage_corpusGroup))
                .orElseThrow();
        Composite scrolled = page.getControl().getParent();
        while (!(scrolled instanceof ScrolledComposite)) {
            scrolled = scrolled.getParent();
        }
        ScrolledComposite scrolling = (ScrolledComposite) scrolled;
        scrolling.setOrigin(0, corpus.getDisplay().map(corpus, scrolling.getContent(), 0, 0).y);
        UiTestSupport.spin();
    }

    private static Button rebuildButton(NoveltyLensPreferencePage page) {
        return find(page.getControl(), Button.class, b -> b.getText().equals(Messages.PreferencePage_rebuild))
                .orElseThrow();
    }

    static <T extends Control> Optional<T> find(Control root, Class<T> type, Predicate<T> matches) {
        if (type.isInstance(root) && matches.test(type.cast(root))) {
            return Optional.of(type.cast(root));
        }
        if (root instanceof Composite composite) {
            return Stream.of(composite.getChildren()).map(child -> find(child, type, matches)).flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }

    private static List<String> texts(List<Neighbour> neighbours) {
        return neighbours.stream().map(n -> n.text().strip()).toList();
    }

    private static int count(List<List<String>> files) {
        return files.stream().mapToInt(List::size).sum();
    }

    static EngineService engines() {
        return NoveltyLensPlugin.getDefault().getEngineService();
    }
}
