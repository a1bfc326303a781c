package io.noveltylens.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset every Novelty Lens collection uses, shipped in this jar (io/noveltylens/solr/configset): the schema
 * with the vector field (its dimension is a collection property, so one configset serves every model) and a minimal
 * solrconfig.xml. Uploaded as a zip through the Configset API, which works the same with --solr and --zk.
 */
final class SolrConfigSet {

    /** The configset's name in the cluster; re-uploading it replaces the files, which existing collections share. */
    static final String NAME = "noveltylens";
    /** The collection property the schema reads its vector dimension from. */
    static final String DIMENSION_PROPERTY = "novelty.dimension";

    private static final List<String> FILES = List.of("schema.xml", "solrconfig.xml");

    private SolrConfigSet() {
    }

    static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                try (InputStream in = SolrConfigSet.class.getResourceAsStream("configset/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("configset/" + file + " is missing from the jar");
                    }
                    zip.putNextEntry(new ZipEntry(file));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
