package io.noveltylens.cli;

import picocli.CommandLine.Command;

/** {@code novelty solr}: the SolrCloud commands; {@code create} is the one so far. */
@Command(name = "solr", description = { "SolrCloud collections for a corpus past one machine.", "", """
        Index, score and annotate take (--solr URLS | --zk HOSTS) --collection NAME instead of --index \
        (docs/scale.md).""" })
final class SolrCommand extends CommandGroup {
}
