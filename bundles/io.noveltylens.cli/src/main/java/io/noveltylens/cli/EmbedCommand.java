package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.Embedding;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.core.embed.OnnxEmbedder;

/** {@code novelty embed}: embeddings as JSON Lines. */
final class EmbedCommand implements Command {

    private final CliPaths paths;

    EmbedCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        Arguments arguments = Arguments.parse(args, Set.of("model", "file"), Set.of()); //$NON-NLS-1$ //$NON-NLS-2$
        List<String> texts = Command.passages(arguments, in);
        Path model = paths.model(arguments);
        Gson gson = new Gson();
        try (OnnxEmbedder embedder = OnnxEmbedder.open(ModelDescriptor.load(model, paths.cache()), paths.cache())) {
            List<Embedding> embeddings = texts.size() == 1 ? List.of(embedder.embedQuery(texts.get(0)))
                    : embedder.embedPassages(texts, progress);
            for (int i = 0; i < texts.size(); i++) {
                JsonObject line = new JsonObject();
                line.addProperty("text", texts.get(i)); //$NON-NLS-1$
                line.addProperty("model", embedder.model().id()); //$NON-NLS-1$
                line.addProperty("normalized", embedder.model().normalize()); //$NON-NLS-1$
                JsonArray vector = new JsonArray();
                Embedding embedding = embeddings.get(i);
                for (float value : embedder.model().normalize() ? embedding.unit() : embedding.raw()) {
                    vector.add(value);
                }
                line.add("vector", vector); //$NON-NLS-1$
                out.println(gson.toJson(line));
            }
        }
        return Main.OK;
    }

    @Override
    public String help() {
        return """
                Usage: novelty embed [--model DIR] [TEXT... | --file F | -]

                Prints one JSON object per input ({"text", "model", "normalized", "vector"}); with '-', one per line
                of standard input. Vectors are L2-normalised when the model's descriptor says so (the default model's
                does). Long texts are embedded whole, in overlapping windows.
                """;
    }
}
