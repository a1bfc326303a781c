package io.noveltylens.cli;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.solr.SolrAddress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that point a command at a SolrCloud collection instead of a local index. */
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

    /** The collection the options name, or null when they name none (the command then works on a local index). */
    SolrAddress address() throws NoveltyException {
        if (solr == null && zk == null) {
            if (collection != null) {
                throw new ParameterException(command.commandLine(),
                        "--collection needs --solr URLS or --zk HOSTS to say where the cluster is");
            }
            return null;
        }
        return SolrAddress.parse(solr, zk, collection);
    }
}
