package io.noveltylens.cli;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.noveltylens.core.Progress;
import io.noveltylens.core.embed.ModelDescriptor;
import io.noveltylens.solr.SolrAddress;
import io.noveltylens.solr.SolrCollections;

/** {@code novelty solr create}: a SolrCloud collection ready for {@code novelty index --solr}. */
final class SolrCommand implements Command {

    private final CliPaths paths;

    SolrCommand(CliPaths paths) {
        this.paths = paths;
    }

    @Override
    public int run(List<String> args, BufferedReader in, PrintStream out, Progress progress) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("create")) { //$NON-NLS-1$
            throw new UsageException("the only subcommand is 'create'"); //$NON-NLS-1$
        }
        Set<String> valued = new HashSet<>(SolrOptions.VALUED);
        valued.addAll(Set.of("shards", "replicas", "model")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
        Arguments arguments = Arguments.parse(args.subList(1, args.size()), valued, Set.of());
        SolrAddress address = SolrOptions.address(arguments);
        if (address == null) {
            throw new UsageException("say where the cluster is (--solr URLS or --zk HOSTS) and name the collection"); //$NON-NLS-1$
        }
        int shards = arguments.intValue("shards", 1, 1, 1024); //$NON-NLS-1$
        int replicas = arguments.intValue("replicas", 2, 1, 16); //$NON-NLS-1$
        int dimension = ModelDescriptor.load(paths.model(arguments), paths.cache()).dimension();
        SolrCollections.create(address, dimension, shards, replicas);
        out.printf("Created the %s: %d shard(s) x %d replica(s), %d-dimensional vectors. Fill it with 'novelty index --corpus PATH --collection %s %s'.%n", //$NON-NLS-1$
                address, shards, replicas, dimension, address.collection(),
                address.solrUrls().isEmpty() ? "--zk ..." : "--solr ..."); //$NON-NLS-1$ //$NON-NLS-2$
        return Main.OK;
    }

    @Override
    public String help() {
        return """
                Usage: novelty solr create (--solr URLS | --zk HOSTS) --collection NAME [--shards S] [--replicas R]
                                           [--model DIR]

                Uploads Novelty Lens's configset (schema with the HNSW vector field, cosine of unit vectors) to a
                SolrCloud cluster and creates the collection, waiting until every replica is active. Then fill it
                with 'novelty index --corpus PATH --collection NAME --solr URLS' and query it with
                'novelty score --collection NAME --solr URLS'. See docs/scale.md for sizing.
                  --shards S     shards (default 1); each holds about passages/S vectors
                  --replicas R   copies of each shard (default 2): queries go on while R-1 of them are down
                  --model DIR    the model whose vector dimension the collection takes (default: the shipped one)
                """ + SolrOptions.HELP;
    }
}
