package io.noveltylens.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The hash table behind de-duplication against a map as oracle, through discards that cross the table's growth: a
 * file whose passages are taken back must leave exactly the ordinals the map holds.
 */
class ContentHashesTest {

    @Test
    void ordinalsMatchAMapThroughGrowthAndDiscards() {
        Random random = new Random(42);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            // shared leading bytes put many hashes on one probe run: the case clearing must get right
            if (i % 3 == 0) {
                hash[0] = hash[1] = hash[2] = hash[3] = 7;
            }
            pool.add(HexFormat.of().formatHex(hash));
        }
        ContentHashes hashes = new ContentHashes();
        Map<String, Integer> oracle = new LinkedHashMap<>();
        for (int file = 0; file < 400; file++) {
            int mark = hashes.count();
            Map<String, Integer> before = new LinkedHashMap<>(oracle);
            for (int passage = random.nextInt(40); passage > 0; passage--) {
                String hash = pool.get(random.nextInt(pool.size()));
                assertEquals(oracle.computeIfAbsent(hash, h -> oracle.size()),
                        hashes.ordinalOf(HexFormat.of().parseHex(hash)), hash);
            }
            if (random.nextInt(3) == 0) {
                hashes.truncate(mark);
                oracle.clear();
                oracle.putAll(before);
            }
            assertEquals(oracle.size(), hashes.count());
        }
        for (String hash : pool) {
            assertEquals(oracle.getOrDefault(hash, -1), hashes.find(hash), hash);
        }
        for (Map.Entry<String, Integer> entry : oracle.entrySet()) {
            assertEquals(entry.getKey(), hashes.hex(entry.getValue()));
        }
    }
}
