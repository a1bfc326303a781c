package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.noveltylens.core.Progress;
import io.noveltylens.core.engine.NoveltyEngine;
import io.noveltylens.core.index.IndexSettings;
import io.noveltylens.core.index.Neighbour;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCollections;
import io.noveltylens.solr.SolrCorpusFiller;
import io.noveltylens.solr.SolrSecurity;
import io.noveltylens.test.support.SelfSignedCertificate;
import io.noveltylens.test.support.SolrSecurityJson;
import io.noveltylens.test.support.SolrTestCluster;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.JobFamilies;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;
import io.noveltylens.ui.prefs.NoveltyLensPreferencePage;
import io.noveltylens.ui.view.NoveltyView;

/**
 * A secured SolrCloud (BasicAuth with a read-only user, TLS with a certificate made for this run; one node) chosen on
 * the preference page: the user, its password and the trust store typed there, the password kept in Secure Storage and
 * in no preference file, the view answering from the collection; a wrong password refused on Apply with the fix.
 */
@ExtendWith(WorkbenchFixture.class)
class SecureCollectionTest {

    private static final String COLLECTION = "moorings";
    private static final String QUERY = "The ferry left its mooring at dawn with a cargo of sheep and mail.";
    private static final List<List<String>> CORPUS = List.of(List.of(QUERY,
            "Lobster pots were stacked three high along the harbour wall.",
            "The lifeboat crew trained every Thursday evening, whatever the weather.",
            "A lighthouse keeper's diary recorded each passing steamer by name."));

    private static final String READER_PASSWORD = "reader-" + Long.toHexString(System.nanoTime());
    private static final String KEY_STORE_PASSWORD = "store-" + Long.toHexString(System.nanoTime());
    private static SelfSignedCertificate certificate;
    private static SolrTestCluster cluster;

    private final IPreferenceStore store = NoveltyLensPlugin.getDefault().getPreferenceStore();

    @BeforeAll
    static void fillACollectionOnASecuredCluster() throws Exception {
        Path work = Files.createTempDirectory(Files.createDirectories(TestCorpus.basedir().resolve("target")),
                "secure-solr-");
        certificate = SelfSignedCertificate.create(work.resolve("tls"), "solr", KEY_STORE_PASSWORD);
        String fillerPassword = "filler-" + Long.toHexString(System.nanoTime());
        cluster = SolrTestCluster.startSecured(1, work.resolve("cluster"),
                SolrSecurityJson.fillerAndReader(fillerPassword, READER_PASSWORD), certificate);
        Path corpus = work.resolve("corpus");
        TestCorpus.write(corpus, CORPUS, "moorings-");
        NoveltyEngine engine = SolrCollectionTest.engines().acquire(new NullProgressMonitor());
        SolrAddress address = SolrAddress.parse(cluster.solrUrls().get(0), null, COLLECTION).withSecurity(
                new SolrSecurity(SolrSecurityJson.FILLER, fillerPassword, certificate.trustStore(),
                        KEY_STORE_PASSWORD));
        SolrCollections.create(address, engine.embedder().model().dimension(), 1, 1);
        SolrCorpusFiller.fill(List.of(corpus), IndexSettings.defaults(), engine.embedder(), address,
                work.resolve("scratch"), Progress.NONE);
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
        for (String key : List.of(NoveltyLensPreferences.SOLR_ADDRESS, NoveltyLensPreferences.SOLR_COLLECTION,
                NoveltyLensPreferences.SOLR_USER, NoveltyLensPreferences.SOLR_TRUST_STORE)) {
            store.setToDefault(key);
        }
        SolrCollectionTest.engines().configs().secrets().store("", "");
        TestCorpus.awaitEngine();
    }

    @Test
    void theReaderQueriesOverTlsWithThePasswordInSecureStorageOnly() throws Exception {
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            NoveltyLensPreferencePage page = (NoveltyLensPreferencePage) dialog.getSelectedPage();
            chooseSecuredCollection(page, READER_PASSWORD);
            assertTrue(page.performOk(), page.getErrorMessage());
            assertTrue(SolrCollectionTest.find(page.getControl(), Label.class,
                    label -> label.getText().startsWith("Connected: the collection holds 4 passages")).isPresent(),
                    "the page says what the collection holds");
            SolrCollectionTest.scrollToCorpus(page);
            UiTestSupport.screenshot(dialog.getShell(), "preference-page-solr-secured");
        } finally {
            dialog.close();
        }
        assertEquals(SolrSecurityJson.READER, store.getString(NoveltyLensPreferences.SOLR_USER));
        assertEquals(READER_PASSWORD, SolrCollectionTest.engines().configs().secrets().password());

        NoveltyView view = (NoveltyView) Workspace.page().showView(NoveltyView.ID);
        view.analyze(QUERY);
        UiTestSupport.waitFor(JobFamilies.ANALYSIS, () -> NoveltyViewTest.completeReportOf(view, QUERY));
        assertEquals(QUERY, ((Neighbour) view.reportPage().neighboursViewer().getElementAt(0)).text().strip());
        SolrCollectionTest.maximise(view);
        UiTestSupport.screenshot(view.getViewSite().getShell(), "novelty-view-solr-secured");

        // the preferences as written to disk, and the Secure Storage file: the password is in neither as text
        InstanceScope.INSTANCE.getNode(NoveltyLensPlugin.PLUGIN_ID).flush();
        Path settings = Platform.getStateLocation(NoveltyLensPlugin.getDefault().getBundle()).toPath()
                .resolve("../org.eclipse.core.runtime/.settings").normalize();
        try (Stream<Path> files = Files.walk(settings)) {
            List<Path> prefs = files.filter(Files::isRegularFile).toList();
            assertFalse(prefs.isEmpty(), "preference files in " + settings);
            for (Path file : prefs) {
                assertFalse(Files.readString(file).contains(READER_PASSWORD), "the password in " + file);
            }
        }
        Path keyring = TestCorpus.basedir().resolve("target/secure-storage");
        assertTrue(Files.isRegularFile(keyring), "Secure Storage writes " + keyring);
        assertFalse(Files.readString(keyring).contains(READER_PASSWORD), "stored encrypted");
    }

    @Test
    void aWrongPasswordIsRefusedOnApplyWithTheFix() throws Exception {
        PreferenceDialog dialog = UiTestSupport.openPreferencePage();
        try {
            NoveltyLensPreferencePage page = (NoveltyLensPreferencePage) dialog.getSelectedPage();
            chooseSecuredCollection(page, "not-" + READER_PASSWORD);
            assertFalse(page.performOk(), "Apply refuses the password");
            String error = page.getErrorMessage();
            assertNotNull(error);
            assertTrue(error.contains("refused the user 'reader' (HTTP 401): wrong user name or password"), error);
            assertFalse(error.contains(READER_PASSWORD), error);
            SolrCollectionTest.scrollToCorpus(page);
            UiTestSupport.screenshot(dialog.getShell(), "preference-page-solr-wrong-password");
        } finally {
            dialog.close();
        }
        assertEquals(NoveltyLensPreferences.SOURCES, store.getString(NoveltyLensPreferences.CORPUS_CHOICE),
                "the previous corpus stays chosen");
        assertEquals("", SolrCollectionTest.engines().configs().secrets().password(), "nothing stored");
    }

    /** What a user does: the SolrCloud choice, the https URL, the collection, the user, its password, the trust store. */
    private static void chooseSecuredCollection(NoveltyLensPreferencePage page, String password) {
        SolrCollectionTest.chooseCollection(page, cluster.solrUrls().get(0), COLLECTION);
        SolrCollectionTest.fieldAfter(page, Messages.PreferencePage_solrUser).setText(SolrSecurityJson.READER);
        ((Text) SolrCollectionTest.fieldAfter(page, Messages.PreferencePage_solrPassword)).setText(password);
        SolrCollectionTest.fieldAfter(page, Messages.PreferencePage_solrTrustStore)
                .setText(certificate.trustStore().toString());
        SolrCollectionTest.fieldAfter(page, Messages.PreferencePage_solrTrustStorePassword).setText(KEY_STORE_PASSWORD);
        UiTestSupport.spin();
    }
}
