package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.noveltylens.core.CancelledException;
import io.noveltylens.core.NoveltyException;

/**
 * {@code novelty}: index a corpus, score passages against it, annotate files, embed text, describe an index, test
 * hull membership. Results go to standard output, progress and errors to standard error. Exit codes: 0 success,
 * 1 unexpected failure, 2 wrong command line or input, 3 model, 4 index, 5 corpus, 6 file system, 130 cancelled.
 */
public final class Main {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int USAGE = 2;
    static final int CANCELLED = 130;

    static final String USAGE_TEXT = """
            Usage: novelty COMMAND [OPTIONS]

            Commands:
              index   --corpus PATH... --index DIR [--model DIR] [--k N]
                      build or incrementally update an index from files and folders
                      (.txt .md .tex .html .jsonl, optionally gzipped)
              score   [--index DIR] [--model DIR] [--k N] [--json] [--no-hull] [TEXT... | --file F | -]
                      analyse passages; '-' reads one passage per line from stdin and writes JSON Lines
              annotate --corpus PATH... --out FILE.jsonl|FILE.csv [--index DIR] [--model DIR] [--k N] [--hull]
                      score every passage of files and folders; one JSON Lines record or CSV row each
              embed   [--model DIR] [TEXT... | -]
                      print embeddings as JSON Lines, one per input line
              info    [--index DIR]
                      what an index was built from
              hull    --points FILE --query FILE [--budget-ms N]
                      convex-hull distance and extrapolation depth of your own vectors (TSV or .npy, one per row)
              solr create (--solr URLS | --zk HOSTS) --collection NAME [--shards S] [--replicas R]
                      a SolrCloud collection for a corpus past one machine; index, score and annotate take
                      (--solr URLS | --zk HOSTS) --collection NAME instead of --index (docs/scale.md)

            Without --index and --model, the shipped default corpus and model are used (environment:
            NOVELTY_INDEX, NOVELTY_MODEL, NOVELTY_CACHE). 'novelty COMMAND --help' describes one command.
            """;

    /** Lucene logs its vectorisation choice at INFO through java.util.logging; results and progress only here. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene"); //$NON-NLS-1$
    /**
     * Where Lucene warns that it runs without the Vector API. releng/novelty leaves the incubator module out on
     * purpose for one-shot commands, which also run without C2, so the Vector API could not help them.
     */
    private static final java.util.logging.Logger VECTORIZATION_LOG = java.util.logging.Logger
            .getLogger("org.apache.lucene.internal.vectorization"); //$NON-NLS-1$

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) { //$NON-NLS-1$
            VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
        System.exit(run(Arrays.asList(args), System.in, System.out, System.err, System.getenv()));
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) { //$NON-NLS-1$ //$NON-NLS-2$
            (args.isEmpty() ? err : out).print(USAGE_TEXT);
            return args.isEmpty() ? USAGE : OK;
        }
        CliPaths paths = CliPaths.resolve(env);
        Command command = switch (args.get(0)) {
            case "index" -> new IndexCommand(paths); //$NON-NLS-1$
            case "score" -> new ScoreCommand(paths); //$NON-NLS-1$
            case "annotate" -> new AnnotateCommand(paths); //$NON-NLS-1$
            case "embed" -> new EmbedCommand(paths); //$NON-NLS-1$
            case "info" -> new InfoCommand(paths); //$NON-NLS-1$
            case "hull" -> new HullCommand(); //$NON-NLS-1$
            case "solr" -> new SolrCommand(paths); //$NON-NLS-1$
            default -> null;
        };
        if (command == null) {
            err.println("novelty: unknown command '" + args.get(0) + "'. Run 'novelty --help'."); //$NON-NLS-1$ //$NON-NLS-2$
            return USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help")) { //$NON-NLS-1$
            out.print(command.help());
            return OK;
        }
        try {
            BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return command.run(rest, input, out, new ConsoleProgress(err, System.console() != null));
        } catch (UsageException e) {
            err.println("novelty " + args.get(0) + ": " + e.getMessage() + ". Run 'novelty " + args.get(0) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                    + " --help'."); //$NON-NLS-1$
            return USAGE;
        } catch (NoveltyException e) {
            err.println("novelty " + args.get(0) + ": " + e.getMessage()); //$NON-NLS-1$ //$NON-NLS-2$
            return e.kind().exitCode();
        } catch (CancelledException e) {
            err.println("novelty " + args.get(0) + ": cancelled"); //$NON-NLS-1$ //$NON-NLS-2$
            return CANCELLED;
        } catch (Exception | OutOfMemoryError e) {
            err.println("novelty " + args.get(0) + ": unexpected failure: " + e); //$NON-NLS-1$ //$NON-NLS-2$
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        }
    }
}
