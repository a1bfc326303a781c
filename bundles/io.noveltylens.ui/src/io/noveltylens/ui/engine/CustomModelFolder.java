package io.noveltylens.ui.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.osgi.util.NLS;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.NoveltyLensPreferences;

/**
 * Core reads a model from a folder with a {@code novelty-model.json}. The preference page lets the user name an ONNX
 * file and a tokenizer anywhere and say how to use them, so this writes that descriptor into the plug-in's state
 * location, pointing at the user's files by absolute path. The descriptor's fields are core's (see
 * {@link ModelDescriptor}); this class only transcribes the preferences.
 */
final class CustomModelFolder {

    private CustomModelFolder() {
    }

    static Path write(IPreferenceStore store, Path folder) throws NoveltyException {
        String onnx = store.getString(NoveltyLensPreferences.MODEL_ONNX);
        String tokenizer = store.getString(NoveltyLensPreferences.MODEL_TOKENIZER);
        if (onnx.isBlank() || !Files.isRegularFile(Path.of(onnx))) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    NLS.bind(Messages.CustomModelFolder_onnxMissing, onnx));
        }
        if (tokenizer.isBlank() || !Files.isRegularFile(Path.of(tokenizer))) {
            throw new NoveltyException(NoveltyException.Kind.MODEL,
                    NLS.bind(Messages.CustomModelFolder_tokenizerMissing, tokenizer));
        }
        JsonObject json = new JsonObject();
        // the id goes into every index built with the model; the file hashes beside it tell two exports apart
        json.addProperty("id", "custom:" + Path.of(onnx).getFileName()); //$NON-NLS-1$ //$NON-NLS-2$
        json.addProperty("onnx", onnx); //$NON-NLS-1$
        json.addProperty("tokenizer", tokenizer); //$NON-NLS-1$
        json.addProperty("pooling", store.getString(NoveltyLensPreferences.MODEL_POOLING)); //$NON-NLS-1$
        json.addProperty("normalize", store.getBoolean(NoveltyLensPreferences.MODEL_NORMALIZE)); //$NON-NLS-1$
        json.addProperty("maxTokens", store.getInt(NoveltyLensPreferences.MODEL_MAX_TOKENS)); //$NON-NLS-1$
        json.addProperty("queryPrefix", store.getString(NoveltyLensPreferences.MODEL_QUERY_PREFIX)); //$NON-NLS-1$
        json.addProperty("passagePrefix", store.getString(NoveltyLensPreferences.MODEL_PASSAGE_PREFIX)); //$NON-NLS-1$
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(ModelDescriptor.FILE_NAME),
                    new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NoveltyException(NoveltyException.Kind.IO,
                    NLS.bind(Messages.CustomModelFolder_cannotWrite, folder, e), e);
        }
        return folder;
    }
}
