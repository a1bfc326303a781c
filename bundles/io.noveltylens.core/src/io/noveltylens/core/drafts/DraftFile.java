package io.noveltylens.core.drafts;

import java.util.List;

/**
 * A draft file as it was last read: its absolute path, the SHA-256 of its bytes then (an update reads it again only
 * when that changed) and its passages in file order.
 */
record DraftFile(String path, String sha256, List<DraftPassage> passages) {

    DraftFile {
        passages = List.copyOf(passages);
    }
}
