package io.noveltylens.core.drafts;

/**
 * What one update of the drafts store did, and what the store holds afterwards.
 *
 * @param filesRead        files read again because they are new or their bytes changed
 * @param filesDropped     files that left the store (deleted, moved out of the folder, no longer readable as text)
 * @param passagesEmbedded passages embedded by this update: those whose text had no embedding yet
 * @param files            files in the store
 * @param passages         passages in the store
 * @param millis           how long the update took
 */
public record DraftsUpdate(int filesRead, int filesDropped, int passagesEmbedded, int files, int passages,
        long millis) {
}
