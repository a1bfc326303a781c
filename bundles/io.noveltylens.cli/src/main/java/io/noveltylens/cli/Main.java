package io.noveltylens.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;

import io.noveltylens.core.Progress;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * {@code novelty}: index a corpus, score passages against it, annotate files, embed text, describe an index, test
 * hull membership. Results go to standard output, progress and errors to standard error; {@link ExitCodes} are the
 * exit codes. The commands are picocli commands, which parse their own options and generate their help.
 */
public final class Main {

    /** Lucene logs its vectorisation choice at INFO through java.util.logging; results and progress only here. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
    /**
     * Where Lucene warns that it runs without the Vector API. releng/novelty leaves the incubator module out on
     * purpose for one-shot commands, which also run without C2, so the Vector API could not help them.
     */
    private static final java.util.logging.Logger VECTORIZATION_LOG = java.util.logging.Logger
            .getLogger("org.apache.lucene.internal.vectorization");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            VECTORIZATION_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
        System.exit(run(args));
    }

    private static int run(String[] args) {
        CommandLine commandLine = commandLine(CliPaths.resolve(System.getenv()), System.in, System.out, System.err,
                new ConsoleProgress(System.err, System.console() != null));
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli's handlers see exceptions only; a main thread ended by an error could leave the engine's other
            // threads keeping the JVM alive, so the error ends here with the code of any unexpected failure
            System.err.println("novelty: unexpected failure: " + e);
            e.printStackTrace();
            return ExitCodes.INTERNAL_ERROR;
        }
    }

    /** The command line with every command, writing to these streams and reporting failures as exit codes. */
    static CommandLine commandLine(CliPaths paths, InputStream in, PrintStream out, PrintStream err,
            Progress progress) {
        CommandLine solr = new CommandLine(new SolrCommand()).addSubcommand(new SolrCreateCommand(paths, out));
        CommandLine novelty = new CommandLine(new NoveltyCommand())
                .addSubcommand(new IndexCommand(paths, out, progress))
                .addSubcommand(new ScoreCommand(paths, in, out))
                .addSubcommand(new AnnotateCommand(paths, out, progress))
                .addSubcommand(new CompareCommand(paths, out, progress))
                .addSubcommand(new EmbedCommand(paths, in, out, progress))
                .addSubcommand(new InfoCommand(paths, out))
                .addSubcommand(new HullCommand(out, progress))
                .addSubcommand(solr)
                .addSubcommand(new AutoComplete.GenerateCompletion());
        CommandFailures failures = new CommandFailures();
        // set last: picocli passes these settings to the subcommands present when they are set; a repeated option
        // keeps its last value, as it always has
        return novelty.setOut(new PrintWriter(out, true, out.charset()))
                .setErr(new PrintWriter(err, true, err.charset()))
                .setParameterExceptionHandler(failures)
                .setExecutionExceptionHandler(failures)
                .setOverwrittenOptionsAllowed(true);
    }
}
