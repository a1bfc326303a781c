package io.noveltylens.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCollections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code novelty solr create}: a SolrCloud collection ready for {@code novelty index --solr}. */
@Command(name = "create", description = { "Create a SolrCloud collection for a corpus.", "", """
        Uploads Novelty Lens's configset (schema with the HNSW vector field, cosine of unit vectors) to a SolrCloud \
        cluster and creates the collection, waiting until every replica is active. Then fill it with 'novelty index \
        --corpus PATH --collection NAME --solr URLS' and query it with 'novelty score --collection NAME --solr \
        URLS'. See docs/scale.md for sizing. The collection takes the vector dimension of the model.""" })
final class SolrCreateCommand implements Callable<Integer> {

    private final CliPaths paths;
    private final PrintStream out;

    @Spec
    private CommandSpec command;

    @Mixin
    private SolrOptions cluster;

    @Option(names = "--shards", paramLabel = "S", description = "shards (default: ${DEFAULT-VALUE}); each holds about "
            + "passages/S vectors")
    private int shardsGiven = 1;

    @Option(names = "--replicas", paramLabel = "R", description = "copies of each shard (default: ${DEFAULT-VALUE}): "
            + "queries go on while R-1 of them are down")
    private int replicasGiven = 2;

    @Mixin
    private ModelOption modelOption;

    SolrCreateCommand(CliPaths paths, PrintStream out) {
        this.paths = paths;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        SolrAddress address = cluster.address();
        if (address == null) {
            throw new ParameterException(command.commandLine(),
                    "say where the cluster is (--solr URLS or --zk HOSTS) and name the collection");
        }
        int shards = WholeNumbers.within(command, "--shards", shardsGiven, 1, 1024);
        int replicas = WholeNumbers.within(command, "--replicas", replicasGiven, 1, 16);
        int dimension = ModelDescriptor.load(modelOption.folder(paths), paths.cache()).dimension();
        SolrCollections.create(address, dimension, shards, replicas);
        out.printf(
                "Created the %s: %d shard(s) x %d replica(s), %d-dimensional vectors. Fill it with 'novelty index --corpus PATH --collection %s %s'.%n",
                address, shards, replicas, dimension, address.collection(),
                address.solrUrls().isEmpty() ? "--zk ..." : "--solr ...");
        return ExitCodes.OK;
    }
}
