package io.noveltylens.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI jar in its own JVM, as a user or a script would. */
final class CliProcess {

    /** What a finished run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private CliProcess() {
    }

    static Path jar() {
        return Path.of(System.getProperty("novelty.cli.jar", "target/novelty-cli.jar")).toAbsolutePath(); //$NON-NLS-1$ //$NON-NLS-2$
    }

    static ProcessBuilder builder(Path workDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "-Xmx3g", "--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
                "-jar", jar().toString())); //$NON-NLS-1$
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().put("NOVELTY_CACHE", Path.of("target", "cli-cache").toAbsolutePath().toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        return builder;
    }

    static Result run(Path workDir, String stdin, String... args) throws IOException, InterruptedException {
        return runWithInput(workDir, stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs with these bytes on standard input, or with none (/dev/null) when they are null. */
    static Result runWithInput(Path workDir, byte[] stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("novelty-out", ".txt"); //$NON-NLS-1$ //$NON-NLS-2$
        Path err = Files.createTempFile("novelty-err", ".txt"); //$NON-NLS-1$ //$NON-NLS-2$
        ProcessBuilder builder = builder(workDir, List.of(args)).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin == null) {
            builder.redirectInput(new File("/dev/null")); //$NON-NLS-1$
        }
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("novelty " + String.join(" ", args) + " did not finish in 5 minutes"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        }
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
