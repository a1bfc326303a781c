package io.noveltylens.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code novelty embed}: embeddings as JSON Lines. */
@Command(name = "embed", description = { "Print embeddings as JSON Lines.", "", """
        Prints one JSON object per input ({"text", "model", "normalized", "vector"}); with '-', one per line of \
        standard input. Vectors are L2-normalised when the model's descriptor says so (the default model's does). \
        Long texts are embedded whole, in overlapping windows.""" })
final class EmbedCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final InputStream in;
    private final PrintStream out;
    private final Progress progress;

    @Mixin
    private ModelOption modelOption;

    @Mixin
    private PassageInput input;

    EmbedCommand(CliPaths paths, InputStream in, PrintStream out, Progress progress) {
        this.paths = paths;
        this.in = in;
        this.out = out;
        this.progress = progress;
    }

    @Override
    public Integer call() throws Exception {
        List<String> texts = input.passages(in);
        Path model = modelOption.folder(paths);
        Gson gson = new Gson();
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(model, paths.cache()), paths.cache())) {
            List<Embedding> embeddings = texts.size() == 1 ? List.of(embedder.embedQuery(texts.get(0)))
                    : embedder.embedPassages(texts, progress);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject line = new JsonObject();
                line.addProperty("text", texts.get(i));
                line.addProperty("model", embedder.model().id());
                line.addProperty("normalized", embedder.model().normalize());
                JsonArray vector = new JsonArray();
                Embedding embedding = embeddings.get(i);
                for (float value : embedder.model().normalize() ? embedding.unit() : embedding.raw()) {
                    vector.add(value);
                }
                line.add("vector", vector);
                out.println(gson.toJson(line));
            }
        }
        return ExitCodes.OK;
    }
}
