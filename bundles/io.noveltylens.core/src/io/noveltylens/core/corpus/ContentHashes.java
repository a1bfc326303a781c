package io.noveltylens.core.corpus;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 of every distinct passage text, numbered in order of first appearance: 32 bytes and one table slot a
 * passage instead of the text. Equal hashes are taken as equal texts, the identity the embedding cache and the index
 * already give a passage (its id is this hash): a collision of SHA-256 has never been found.
 */
final class ContentHashes {

    private static final int HASH_BYTES = 32;

    private byte[] hashes = new byte[HASH_BYTES * 1024];
    /** Open addressing with linear probing: ordinal + 1 of the hash whose slot this is, 0 when free. */
    private int[] slots = new int[2048];
    private int count;

    int count() {
        return count;
    }

    /** The ordinal of {@code hash}, adding it as the next ordinal when it is new. */
    int ordinalOf(byte[] hash) {
        int slot = find(hash);
        if (slots[slot] != 0) {
            return slots[slot] - 1;
        }
        if (HASH_BYTES * (count + 1) > hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        System.arraycopy(hash, 0, hashes, HASH_BYTES * count, HASH_BYTES);
        slots[slot] = ++count;
        if (2 * count > slots.length) {
            rehash(slots.length * 2);
        }
        return count - 1;
    }

    /** The ordinal of {@code hash}, or -1 when it is not here. */
    int find(String hexHash) {
        int slot = find(HexFormat.of().parseHex(hexHash));
        return slots[slot] - 1;
    }

    String hex(int ordinal) {
        return HexFormat.of().formatHex(hashes, HASH_BYTES * ordinal, HASH_BYTES * (ordinal + 1));
    }

    /**
     * Forgets the hashes from {@code ordinal} on: a file whose passages were discarded. They are cleared newest first:
     * under linear probing the newest entry ends its probe run, so clearing it leaves the table exactly as it was
     * before that entry came, in time proportional to what is discarded (every prose file discards its first lines).
     */
    void truncate(int ordinal) {
        byte[] hash = new byte[HASH_BYTES];
        while (count > ordinal) {
            count--;
            System.arraycopy(hashes, HASH_BYTES * count, hash, 0, HASH_BYTES);
            slots[find(hash)] = 0;
        }
    }

    private int find(byte[] hash) {
        int mask = slots.length - 1;
        // SHA-256 is uniform: its first four bytes are as good a table hash as any
        int slot = (hash[0] & 0xFF | (hash[1] & 0xFF) << 8 | (hash[2] & 0xFF) << 16 | (hash[3] & 0xFF) << 24) & mask;
        while (slots[slot] != 0 && !Arrays.equals(hashes, HASH_BYTES * (slots[slot] - 1),
                HASH_BYTES * slots[slot], hash, 0, HASH_BYTES)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        byte[] hash = new byte[HASH_BYTES];
        for (int ordinal = 0; ordinal < count; ordinal++) {
            System.arraycopy(hashes, HASH_BYTES * ordinal, hash, 0, HASH_BYTES);
            slots[find(hash)] = ordinal + 1;
        }
    }
}
