package io.noveltylens.ui.prefs;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.FileFieldEditor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import io.noveltylens.core.exclude.Exclusion;
import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.HelpContexts;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;
import io.noveltylens.ui.engine.CollectionCheck;
import io.noveltylens.ui.engine.CollectionSecrets;
import io.noveltylens.ui.engine.EngineService;
import io.noveltylens.ui.engine.ModelCheck;
import io.noveltylens.ui.engine.SettingsCheck;
import io.noveltylens.ui.plugin.NoveltyLensPlugin;

/**
 * Window &gt; Preferences &gt; Novelty Lens: model, corpus, analysis and display settings. A changed model is loaded
 * and tried on a test sentence when the user presses Apply, and an error keeps the old settings with the reason shown
 * inline; a changed corpus is rebuilt in a cancellable job. A SolrCloud collection is connected to and checked against
 * the model on Apply the same way; it is only read, so it has nothing to rebuild.
 */
public final class NoveltyLensPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    private static final int COLUMNS = 3;
    /**
     * Widths and heights the page asks for, in characters and lines: what a field shows (a long path, a list of
     * folders) must not decide how wide the page wants to be, or the Preferences dialog opens wider than the screen
     * or clips the page. The fields still grow with the dialog.
     */
    private static final int FIELD_CHARS = 30;
    private static final int TEXT_CHARS = 70;
    private static final int LIST_LINES = 4;

    private final List<Group> groups = new ArrayList<>();
    private final List<FieldEditor> customModelFields = new ArrayList<>();
    private RadioGroupFieldEditor modelChoice;
    private RadioGroupFieldEditor corpusChoice;
    private DirectoryFieldEditor indexDir;
    private CorpusSourcesEditor sources;
    private StringFieldEditor include;
    private StringFieldEditor exclude;
    private StringFieldEditor solrAddress;
    private StringFieldEditor solrCollection;
    private StringFieldEditor solrUser;
    private FileFieldEditor solrTrustStore;
    /** Typed here, kept in Secure Storage (CollectionSecrets) on Apply: never a field editor's preference. */
    private Text solrPassword;
    private Text solrTrustStorePassword;
    private Label solrPasswordLabel;
    private Label solrTrustStorePasswordLabel;
    private Button rebuild;
    private Label modelStatus;
    private Label indexStatus;
    private Composite corpusGroup;

    public NoveltyLensPreferencePage() {
        super(GRID);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(NoveltyLensPlugin.getDefault().getPreferenceStore());
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        HelpContexts.PREFERENCE_PAGE.attach(getControl());
    }

    @Override
    protected void createFieldEditors() {
        // the page's own description label (setDescription) cannot be given a width, so it would not wrap
        wrapping(getFieldEditorParent(), Messages.PreferencePage_description);
        Composite model = group(Messages.PreferencePage_modelGroup);
        modelChoice = new RadioGroupFieldEditor(NoveltyLensPreferences.MODEL_CHOICE, "", 1, modelChoices(), model); //$NON-NLS-1$
        addField(modelChoice);
        addCustomModelField(
                new FileFieldEditor(NoveltyLensPreferences.MODEL_ONNX, Messages.PreferencePage_onnxFile, true, model),
                "*.onnx"); //$NON-NLS-1$
        addCustomModelField(
                new FileFieldEditor(NoveltyLensPreferences.MODEL_TOKENIZER, Messages.PreferencePage_tokenizerFile,
                        true, model),
                "*.json"); //$NON-NLS-1$
        addCustomModelField(new ComboFieldEditor(NoveltyLensPreferences.MODEL_POOLING, Messages.PreferencePage_pooling,
                new String[][] { { Messages.PreferencePage_poolingMean, "MEAN" }, //$NON-NLS-1$
                        { Messages.PreferencePage_poolingCls, "CLS" } }, //$NON-NLS-1$
                model), null);
        addCustomModelField(
                new BooleanFieldEditor(NoveltyLensPreferences.MODEL_NORMALIZE, Messages.PreferencePage_normalize,
                        model),
                null);
        IntegerFieldEditor maxTokens = new IntegerFieldEditor(NoveltyLensPreferences.MODEL_MAX_TOKENS,
                Messages.PreferencePage_maxTokens, model);
        maxTokens.setValidRange(8, 512);
        addCustomModelField(maxTokens, null);
        addCustomModelField(
                new StringFieldEditor(NoveltyLensPreferences.MODEL_QUERY_PREFIX, Messages.PreferencePage_queryPrefix,
                        model),
                null);
        addCustomModelField(new StringFieldEditor(NoveltyLensPreferences.MODEL_PASSAGE_PREFIX,
                Messages.PreferencePage_passagePrefix, model), null);
        modelStatus = statusLabel(model);

        corpusGroup = group(Messages.PreferencePage_corpusGroup);
        corpusChoice = new RadioGroupFieldEditor(NoveltyLensPreferences.CORPUS_CHOICE, "", 1, new String[][] { //$NON-NLS-1$
                { Messages.PreferencePage_corpusShipped, NoveltyLensPreferences.SHIPPED },
                { Messages.PreferencePage_corpusIndex, NoveltyLensPreferences.INDEX },
                { Messages.PreferencePage_corpusSources, NoveltyLensPreferences.SOURCES },
                { Messages.PreferencePage_corpusSolr, NoveltyLensPreferences.SOLR } }, corpusGroup);
        addField(corpusChoice);
        indexDir = new DirectoryFieldEditor(NoveltyLensPreferences.INDEX_DIR, Messages.PreferencePage_indexDir,
                corpusGroup);
        addField(indexDir);
        sources = new CorpusSourcesEditor(NoveltyLensPreferences.CORPUS_SOURCES, Messages.PreferencePage_sources,
                corpusGroup);
        addField(sources);
        include = new StringFieldEditor(NoveltyLensPreferences.INCLUDE_PATTERNS, Messages.PreferencePage_include,
                corpusGroup);
        addField(include);
        exclude = new StringFieldEditor(NoveltyLensPreferences.EXCLUDE_PATTERNS, Messages.PreferencePage_exclude,
                corpusGroup);
        addField(exclude);
        solrAddress = new StringFieldEditor(NoveltyLensPreferences.SOLR_ADDRESS, Messages.PreferencePage_solrAddress,
                corpusGroup);
        addField(solrAddress);
        solrCollection = new StringFieldEditor(NoveltyLensPreferences.SOLR_COLLECTION,
                Messages.PreferencePage_solrCollection,
                corpusGroup);
        addField(solrCollection);
        solrUser = new StringFieldEditor(NoveltyLensPreferences.SOLR_USER, Messages.PreferencePage_solrUser,
                corpusGroup);
        addField(solrUser);
        solrPasswordLabel = new Label(corpusGroup, SWT.NONE);
        solrPasswordLabel.setText(Messages.PreferencePage_solrPassword);
        solrPassword = passwordText(corpusGroup);
        solrTrustStore = new FileFieldEditor(NoveltyLensPreferences.SOLR_TRUST_STORE,
                Messages.PreferencePage_solrTrustStore, true, corpusGroup);
        solrTrustStore.setFileExtensions(new String[] { "*.p12;*.pfx;*.jks", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
        solrTrustStore.setEmptyStringAllowed(true);
        addField(solrTrustStore);
        solrTrustStorePasswordLabel = new Label(corpusGroup, SWT.NONE);
        solrTrustStorePasswordLabel.setText(Messages.PreferencePage_solrTrustStorePassword);
        solrTrustStorePassword = passwordText(corpusGroup);
        wrapping(corpusGroup, Messages.PreferencePage_solrNote);
        indexStatus = statusLabel(corpusGroup);
        rebuild = new Button(corpusGroup, SWT.PUSH);
        rebuild.setText(Messages.PreferencePage_rebuild);
        rebuild.setToolTipText(Messages.PreferencePage_rebuildTooltip);
        rebuild.addListener(SWT.Selection, event -> rebuildIndex());

        Composite analysis = group(Messages.PreferencePage_analysisGroup);
        IntegerFieldEditor k = new IntegerFieldEditor(NoveltyLensPreferences.NEIGHBOURS_K, Messages.PreferencePage_k,
                analysis);
        k.setValidRange(2, 200);
        addField(k);
        IntegerFieldEditor hullBudget = new IntegerFieldEditor(NoveltyLensPreferences.HULL_BUDGET_MILLIS,
                Messages.PreferencePage_hullBudget, analysis);
        hullBudget.setValidRange(100, 60_000);
        addField(hullBudget);
        addField(new BooleanFieldEditor(NoveltyLensPreferences.LIVE_MODE, Messages.PreferencePage_liveMode, analysis));
        IntegerFieldEditor delay = new IntegerFieldEditor(NoveltyLensPreferences.LIVE_DELAY_MILLIS,
                Messages.PreferencePage_liveDelay,
                analysis);
        delay.setValidRange(0, 10_000);
        addField(delay);
        addField(new DraftsFolderEditor(analysis));

        Composite leaveOut = group(Messages.PreferencePage_leaveOutGroup);
        for (Exclusion exclusion : Exclusion.values()) {
            addField(new BooleanFieldEditor(NoveltyLensPreferences.exclusionKey(exclusion), leaveOutLabel(exclusion),
                    leaveOut));
        }
    }

    private static String leaveOutLabel(Exclusion exclusion) {
        return switch (exclusion) {
            case MARKUP -> Messages.PreferencePage_leaveOutMarkup;
            case FRONT_MATTER -> Messages.PreferencePage_leaveOutFrontMatter;
            case CODE -> Messages.PreferencePage_leaveOutCode;
            case QUOTATIONS -> Messages.PreferencePage_leaveOutQuotations;
            case CITATIONS -> Messages.PreferencePage_leaveOutCitations;
        };
    }

    private void addCustomModelField(FieldEditor editor, String extension) {
        if (editor instanceof FileFieldEditor file && extension != null) {
            file.setFileExtensions(new String[] { extension });
        }
        customModelFields.add(editor);
        addField(editor);
    }

    private Composite group(String title) {
        Group group = new Group(getFieldEditorParent(), SWT.NONE);
        group.setText(title);
        groups.add(group);
        return group;
    }

    /** A masked text across the rest of the row. */
    private static Text passwordText(Composite parent) {
        Text text = new Text(parent, SWT.BORDER | SWT.PASSWORD);
        GridDataFactory.fillDefaults().grab(true, false).span(COLUMNS - 1, 1).applyTo(text);
        return text;
    }

    private Label statusLabel(Composite parent) {
        return wrapping(parent, ""); //$NON-NLS-1$
    }

    /** A label across the grid that wraps its text rather than widening the page. */
    private Label wrapping(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).span(COLUMNS, 1)
                .hint(convertWidthInCharsToPixels(TEXT_CHARS), SWT.DEFAULT).applyTo(label);
        return label;
    }

    /** Field editors reset their parent's layout as they are created; lay the groups out once all of them exist. */
    @Override
    protected void adjustGridLayout() {
        super.adjustGridLayout();
        for (Group group : groups) {
            GridLayoutFactory.swtDefaults().numColumns(COLUMNS).applyTo(group);
            GridDataFactory.fillDefaults().grab(true, false).span(COLUMNS, 1).applyTo(group);
            for (Control field : group.getChildren()) {
                limitSize(field);
            }
        }
    }

    /** Gives text fields, combos and lists a preferred size of their own instead of their content's. */
    private void limitSize(Control field) {
        if (!(field.getLayoutData() instanceof GridData data)) {
            return;
        }
        if (field instanceof Text || field instanceof Combo) {
            data.widthHint = convertWidthInCharsToPixels(FIELD_CHARS);
        } else if (field instanceof org.eclipse.swt.widgets.List) {
            data.widthHint = convertWidthInCharsToPixels(FIELD_CHARS);
            data.heightHint = convertHeightInCharsToPixels(LIST_LINES);
        }
    }

    @Override
    protected void initialize() {
        super.initialize();
        try {
            CollectionSecrets secrets = engines().configs().secrets();
            solrPassword.setText(secrets.password());
            solrTrustStorePassword.setText(secrets.trustStorePassword());
        } catch (NoveltyException e) {
            setErrorMessage(e.getMessage());
        }
        updateEnablement(modelChoice.getSelectionValue(), corpusChoice.getSelectionValue());
        showIndexStatus();
    }

    @Override
    public void propertyChange(PropertyChangeEvent event) {
        super.propertyChange(event);
        if (event.getSource() == modelChoice || event.getSource() == corpusChoice) {
            updateEnablement(modelChoice.getSelectionValue(), corpusChoice.getSelectionValue());
        }
    }

    private void updateEnablement(String model, String corpus) {
        Composite modelGroup = groups.get(0);
        customModelFields.forEach(field -> field.setEnabled(NoveltyLensPreferences.CUSTOM.equals(model), modelGroup));
        indexDir.setEnabled(NoveltyLensPreferences.INDEX.equals(corpus), corpusGroup);
        boolean fromSources = NoveltyLensPreferences.SOURCES.equals(corpus);
        sources.setEnabled(fromSources, corpusGroup);
        include.setEnabled(fromSources, corpusGroup);
        exclude.setEnabled(fromSources, corpusGroup);
        boolean fromSolr = NoveltyLensPreferences.SOLR.equals(corpus);
        solrAddress.setEnabled(fromSolr, corpusGroup);
        solrCollection.setEnabled(fromSolr, corpusGroup);
        solrUser.setEnabled(fromSolr, corpusGroup);
        solrTrustStore.setEnabled(fromSolr, corpusGroup);
        for (Control control : new Control[] { solrPassword, solrPasswordLabel, solrTrustStorePassword,
                solrTrustStorePasswordLabel }) {
            control.setEnabled(fromSolr);
        }
        rebuild.setEnabled(!fromSolr);
    }

    private void showIndexStatus() {
        indexStatus.setText(engines().describeIndex());
    }

    /**
     * Apply: a custom model is loaded and tried, and a changed SolrCloud collection (or a collection with a changed
     * model) is connected to and checked, before anything is stored; the old settings stay on error.
     */
    @Override
    public boolean performOk() {
        if (NoveltyLensPreferences.CUSTOM.equals(modelChoice.getSelectionValue()) && !checkCustomModel()) {
            return false;
        }
        boolean fromSolr = NoveltyLensPreferences.SOLR.equals(corpusChoice.getSelectionValue());
        if (fromSolr && collectionChanged() && !checkCollection()) {
            return false;
        }
        if (fromSolr && !storeSecrets()) {
            return false;
        }
        return super.performOk();
    }

    /** The passwords go to Secure Storage, before the preferences that make the engine read them. */
    private boolean storeSecrets() {
        try {
            engines().configs().secrets().store(solrPassword.getText(), solrTrustStorePassword.getText());
            return true;
        } catch (NoveltyException e) {
            showStatus(indexStatus, e.getMessage());
            setErrorMessage(e.getMessage());
            return false;
        }
    }

    private boolean checkCustomModel() {
        ModelCheck check = new ModelCheck(typed(customModelFields), engines().configs());
        if (!passes(check, modelStatus)) {
            return false;
        }
        showStatus(modelStatus, NLS.bind(Messages.PreferencePage_modelOk, check.dimension()));
        return true;
    }

    /** The fields that decide which collection the engine opens and which model it must have been filled with. */
    private List<FieldEditor> collectionFields() {
        List<FieldEditor> fields = new ArrayList<>(
                List.of(modelChoice, corpusChoice, solrAddress, solrCollection, solrUser, solrTrustStore));
        fields.addAll(customModelFields);
        return fields;
    }

    private boolean collectionChanged() {
        IPreferenceStore typed = typed(collectionFields());
        try {
            CollectionSecrets stored = engines().configs().secrets();
            if (!solrPassword.getText().equals(stored.password())
                    || !solrTrustStorePassword.getText().equals(stored.trustStorePassword())) {
                return true;
            }
        } catch (NoveltyException e) {
            return true;
        }
        return collectionFields().stream().map(FieldEditor::getPreferenceName)
                .anyMatch(key -> !typed.getString(key).equals(getPreferenceStore().getString(key)));
    }

    private boolean checkCollection() {
        CollectionCheck check = new CollectionCheck(typed(collectionFields()), engines().configs(),
                solrPassword.getText(), solrTrustStorePassword.getText());
        if (!passes(check, indexStatus)) {
            return false;
        }
        showStatus(indexStatus, NLS.bind(Messages.PreferencePage_collectionOk, check.collection().passages(),
                check.collection().modelId()));
        return true;
    }

    /**
     * Runs {@code check} in a progress dialog. A failure is the page's error, and is written in full into
     * {@code status}, next to the fields it is about: the dialog's message line cuts a long message short, and the
     * fix is at its end.
     */
    private boolean passes(SettingsCheck check, Label status) {
        try {
            new ProgressMonitorDialog(getShell()).run(true, true, check);
        } catch (InvocationTargetException e) {
            setErrorMessage(e.getCause().getMessage());
            return false;
        } catch (InterruptedException e) {
            return false;
        }
        if (check.error() != null) {
            showStatus(status, check.error().getMessage());
            setErrorMessage(check.error().getMessage());
            return false;
        }
        setErrorMessage(null);
        return true;
    }

    /**
     * A status whose new text may take more lines: the page is laid out again, and the dialog's scrolled area is told
     * the page's new height, or the end of the page would be cut off.
     */
    private void showStatus(Label status, String text) {
        status.setText(text);
        Composite page = (Composite) getControl();
        page.layout(true, true);
        for (Composite parent = page.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof ScrolledComposite scrolled) {
                scrolled.setMinHeight(scrolled.getContent().computeSize(scrolled.getClientArea().width, SWT.DEFAULT).y);
                return;
            }
        }
    }

    /** Fields as typed, not yet stored: written to a scratch store that the checks read. */
    private IPreferenceStore typed(List<FieldEditor> editors) {
        IPreferenceStore real = getPreferenceStore();
        PreferenceStore scratch = new PreferenceStore();
        for (FieldEditor editor : editors) {
            scratch.setDefault(editor.getPreferenceName(), real.getDefaultString(editor.getPreferenceName()));
            editor.setPreferenceStore(scratch);
            editor.store();
            editor.setPreferenceStore(real);
        }
        return scratch;
    }

    /** Stores the settings (the rebuild uses them) and rebuilds the corpus index in a job with progress and cancel. */
    private void rebuildIndex() {
        if (!super.performOk()) {
            return;
        }
        try {
            if (engines().rebuild()) {
                setErrorMessage(null);
                indexStatus.setText(Messages.PreferencePage_rebuildStarted);
            } else {
                setErrorMessage(Messages.PreferencePage_rebuildNeedsSources);
            }
        } catch (NoveltyException e) {
            setErrorMessage(e.getMessage());
        }
    }

    /**
     * The model choices: the int8 model only when its optional feature is installed, or while the stored choice names
     * it (so that the page shows what is chosen; the engine then says how to install it).
     */
    private String[][] modelChoices() {
        List<String[]> choices = new ArrayList<>();
        choices.add(new String[] { Messages.PreferencePage_modelShipped, NoveltyLensPreferences.SHIPPED });
        if (engines().configs().int8Installed() || NoveltyLensPreferences.SHIPPED_INT8
                .equals(getPreferenceStore().getString(NoveltyLensPreferences.MODEL_CHOICE))) {
            choices.add(new String[] { Messages.PreferencePage_modelShippedInt8, NoveltyLensPreferences.SHIPPED_INT8 });
        }
        choices.add(new String[] { Messages.PreferencePage_modelCustom, NoveltyLensPreferences.CUSTOM });
        return choices.toArray(String[][]::new);
    }

    private static EngineService engines() {
        return NoveltyLensPlugin.getDefault().getEngineService();
    }
}
