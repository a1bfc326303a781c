package io.noveltylens.cli;

import java.nio.file.Path;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that point a command at a SolrCloud collection instead of a local index, and how to reach a secured
 * one. A password is never an option (a command line is visible to every user of the machine and lands in shell
 * histories): it comes from an environment variable or an owner-only file ({@link SolrSecrets}).
 */
final class SolrOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--solr", paramLabel = "URLS", description = "a SolrCloud collection instead of a local index, "
            + "by the base URLs of some of its nodes, comma-separated: http://HOST:8983/solr")
    private String solr;

    @Option(names = "--zk", paramLabel = "HOSTS", description = "or its ZooKeeper ensemble "
            + "(HOST:2181[,HOST:2181...][/solr])")
    private String zk;

    @Option(names = "--collection", paramLabel = "NAME", description = "the collection (see 'novelty solr create')")
    private String collection;

    @Option(names = "--solr-user", paramLabel = "NAME", description = "the cluster's BasicAuth user; its password "
            + "comes from the environment variable " + SolrSecrets.PASSWORD_VARIABLE + " or --solr-password-file")
    private String user;

    @Option(names = "--solr-password-file", paramLabel = "FILE", description = "a file holding the user's password "
            + "on its first line, readable by its owner only (chmod 600)")
    private Path passwordFile;

    @Option(names = "--solr-trust-store", paramLabel = "FILE", description = "a PKCS12 or JKS trust store with the "
            + "cluster's TLS certificate or its authority; its password, if any, in the environment variable "
            + SolrSecrets.TRUST_STORE_PASSWORD_VARIABLE)
    private Path trustStore;

    /** The collection the options name, or null when they name none (the command then works on a local index). */
    SolrAddress address() throws NoveltyException {
        if (solr == null && zk == null) {
            if (collection != null || user != null || passwordFile != null || trustStore != null) {
                throw new ParameterException(command.commandLine(),
                        "--collection and the --solr-... options need --solr URLS or --zk HOSTS to say where the "
                                + "cluster is");
            }
            return null;
        }
        return SolrAddress.parse(solr, zk, collection)
                .withSecurity(SolrSecrets.security(System.getenv(), user, passwordFile, trustStore));
    }
}
