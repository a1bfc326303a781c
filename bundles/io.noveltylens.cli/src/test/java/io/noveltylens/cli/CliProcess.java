package io.noveltylens.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI jar in its own JVM, as a user or a script would. */
final class CliProcess {

    private static final Duration LIMIT = Duration.ofMinutes(15);

    /** What a finished run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    static Path jar() {
        return Path.of(System.getProperty("novelty.cli.jar", "target/novelty-cli.jar")).toAbsolutePath();
    }

    static ProcessBuilder builder(Path workDir, List<String> args) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx3g", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                        "-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("NOVELTY_CACHE", Path.of("target", "cli-cache").toAbsolutePath().toString());
        return builder;
    }

    static Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWithInput(workDir, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with these bytes on standard input, or with none (/dev/null) when they are null. */
    static Result runWithInput(Path workDir, byte[] stdin, String... args) throws IOException, InterruptedException {
        return run(workDir, stdin, Map.of(), args);
    }

    /** Runs with nothing on standard input and these variables added to the environment. */
    static Result runWithEnvironment(Path workDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        return run(workDir, null, environment, args);
    }

    private static Result run(Path workDir, byte[] stdin, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("novelty-out", ".txt");
        Path err = Files.createTempFile("novelty-err", ".txt");
        ProcessBuilder builder = builder(workDir, List.of(args)).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null"));
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
        }
        // a guard against a hang, not a timing: SolrCloudIT's first fill embeds 4,643 passages, which takes 2 minutes
        // on a quiet 2-core machine and over 5 when other builds share it
        if (!process.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("novelty " + String.join(" ", args) + " did not finish in " + LIMIT.toMinutes()
                    + " minutes");
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
