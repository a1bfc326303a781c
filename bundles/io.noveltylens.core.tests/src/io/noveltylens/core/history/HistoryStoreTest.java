package io.noveltylens.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noveltylens.core.NoveltyException;

/** The history files: what is stored comes back, the bounds hold, a damaged file never stops a save. */
class HistoryStoreTest {

    @TempDir
    Path folder;
    private final List<String> warnings = new ArrayList<>();

    private HistoryStore store() {
        return new HistoryStore(folder, warnings::add);
    }

    @Test
    void aSavedHistoryReadsBackAsWritten() throws Exception {
        SaveReading first = Readings.save(1_000, "a", 12.5, "b", 97.25);
        SaveReading second = Readings.save(2_000, "a", 12.5, "c", 40.0);
        store().append("/w/chapter1.md", first);
        store().append("/w/chapter1.md", second);

        DocumentHistory read = store().load("/w/chapter1.md");

        assertEquals(List.of(first, second), read.saves());
        assertEquals(DocumentHistory.empty("/w/other.md"), store().load("/w/other.md"));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    /** Bound: 101 saves keep the last 100, in order (oracle: the list of saves made, less the first). */
    @Test
    void aDocumentKeepsItsLastHundredSaves() throws Exception {
        HistoryStore store = store();
        List<SaveReading> made = IntStream.rangeClosed(1, HistoryStore.MAX_SAVES + 1)
                .mapToObj(i -> Readings.save(i * 1_000L, "p", i % 100)).toList();
        for (SaveReading save : made) {
            store.append("/w/long.md", save);
        }

        assertEquals(made.subList(1, made.size()), store.load("/w/long.md").saves());
    }

    /**
     * Bound: of 201 documents saved in shuffled order, the one saved longest ago is dropped, whatever the order of the
     * appends and the files' names; the other 200 keep their histories.
     */
    @Test
    void theTwoHundredMostRecentlySavedDocumentsAreKept() throws Exception {
        HistoryStore store = store();
        int documents = HistoryStore.MAX_DOCUMENTS + 1;
        List<Integer> order = new ArrayList<>(IntStream.range(0, documents).boxed().toList());
        Collections.shuffle(order, new Random(16));
        // document d is saved at time 10 * (d + 1): document 0 is the least recently saved, though not the first written
        for (int d : order) {
            store.append("/w/doc" + d + ".md", Readings.save(10_000L * (d + 1), "p", d % 100));
        }

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(HistoryStore.MAX_DOCUMENTS,
                    files.filter(path -> path.toString().endsWith(HistoryStore.SUFFIX)).count());
        }
        assertTrue(store.load("/w/doc0.md").saves().isEmpty(), "the least recently saved document was dropped");
        for (int d = 1; d < documents; d++) {
            assertEquals(1, store.load("/w/doc" + d + ".md").saves().size(), "doc" + d);
        }
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    /**
     * A damaged file (not JSON, cut short, parts missing, an unknown match level, another format or another
     * document's history) is set aside with a warning naming the file and the reason, and the next save starts a new
     * history instead of failing.
     */
    @Test
    void aDamagedHistoryIsSetAsideWithAWarningAndTheSaveIsRecorded() throws Exception {
        List<String> damagedFiles = List.of("not json at all",
                "{\"format\":1,\"document\":\"/w/d.md\",\"saves\":[{\"savedAtMi",
                "{\"format\":1,\"document\":\"/w/d.md\"}",
                "{\"format\":1,\"document\":\"/w/d.md\",\"saves\":[{\"savedAtMillis\":1,\"corpus\":\"c\"}]}",
                "{\"format\":1,\"document\":\"/w/d.md\",\"saves\":[{\"savedAtMillis\":1,\"corpus\":\"c\","
                        + "\"paragraphs\":[{\"hash\":\"a\",\"level\":\"PLAGIARISED\"}]}]}",
                "{\"format\":2,\"document\":\"/w/d.md\",\"saves\":[]}",
                "{\"format\":1,\"document\":\"/w/e.md\",\"saves\":[]}", "");
        for (String damaged : damagedFiles) {
            warnings.clear();
            HistoryStore store = new HistoryStore(Files.createTempDirectory(folder, "case"), warnings::add);
            Path file = store.fileOf("/w/d.md");
            Files.writeString(file, damaged, StandardCharsets.UTF_8);

            DocumentHistory history = store.append("/w/d.md", Readings.save(5_000, "a", 50));

            assertEquals(1, history.saves().size(), damaged);
            assertEquals(history, store.load("/w/d.md"), damaged);
            assertEquals(1, warnings.size(), damaged + ": " + warnings);
            assertTrue(warnings.get(0).contains(file.toString()) && warnings.get(0).contains("/w/d.md"),
                    warnings.get(0));
            Path aside = file.resolveSibling(file.getFileName() + HistoryStore.SET_ASIDE);
            assertEquals(damaged, Files.readString(aside, StandardCharsets.UTF_8), "the damaged file is kept aside");
        }
    }

    @Test
    void aFolderThatCannotBeWrittenFailsWithTheFolderAndWhatToDo() throws Exception {
        Path notAFolder = folder.resolve("file");
        Files.writeString(notAFolder, "x");
        HistoryStore store = new HistoryStore(notAFolder, warnings::add);

        NoveltyException e = assertThrows(NoveltyException.class,
                () -> store.append("/w/d.md", Readings.save(1, "a", 1)));

        assertTrue(e.getMessage().contains(notAFolder.toString()) && e.getMessage().contains("writable"),
                e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
