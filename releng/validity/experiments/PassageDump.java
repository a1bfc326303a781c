import java.nio.file.Path;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Prints every passage of an index generation, in ordinal order, as tab-separated name=value fields (id, text,
 * sources): the passages whose vectors nearby_sentences.py reads from the generation's vector file. Run with the CLI's
 * class path: java -cp "$(ls bundles/io.noveltylens.cli/target/lib/*.jar | tr '\n' :)" PassageDump.java GENERATION
 */
public class PassageDump {
    public static void main(String[] args) throws Exception {
        try (var reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
            var leaf = reader.leaves().get(0).reader();
            var stored = leaf.storedFields();
            for (int doc = 0; doc < leaf.maxDoc(); doc++) {
                StringBuilder line = new StringBuilder();
                for (var field : stored.document(doc).getFields()) {
                    if (field.stringValue() != null) {
                        line.append(field.name()).append('=')
                                .append(field.stringValue().replace('\t', ' ').replace('\n', ' ')).append('\t');
                    }
                }
                System.out.println(line);
            }
        }
    }
}
