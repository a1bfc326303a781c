package io.noveltylens.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the build wrote into the jar's manifest, and the Java that runs it. */
final class CliVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CliVersion.class.getPackage().getImplementationVersion();
        return new String[] { "novelty " + (version == null ? "(not run from its jar)" : version) + ", Java "
                + Runtime.version() };
    }
}
