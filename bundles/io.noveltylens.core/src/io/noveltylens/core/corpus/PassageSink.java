package io.noveltylens.core.corpus;

import java.io.IOException;

/**
 * Where the reader puts a file's passages as it cuts them. A file can turn out unreadable (or change) after some of its
 * passages went in, so a sink takes back everything since the file began.
 */
abstract class PassageSink {

    abstract void beginFile();

    abstract void add(Passage passage) throws IOException;

    abstract void discardFile() throws IOException;
}
