package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in turn, one repetition of each per round, the order rotating every round, after an optional
 * warm-up of each. On a machine shared with other builds the load changes from minute to minute; interleaving puts every
 * contender through the same load, and the per-round ratios (paired) cancel most of it.
 */
final class InterleavedRuns {

    /** One timed repetition; returns the measured quantity (e.g. passages per second). */
    interface Trial {
        double run() throws Exception;
    }

    private final Map<String, Trial> contenders = new LinkedHashMap<>();
    private final Map<String, List<Double>> results = new LinkedHashMap<>();

    InterleavedRuns add(String name, Trial trial) {
        contenders.put(name, trial);
        results.put(name, new ArrayList<>());
        return this;
    }

    /**
     * @param warmUp whether each contender runs once untimed first; a contender whose code is already compiled and
     *     whose one repetition takes tens of seconds can do without
     */
    InterleavedRuns run(int rounds, boolean warmUp) throws Exception {
        List<String> names = new ArrayList<>(contenders.keySet());
        for (String name : warmUp ? names : List.<String>of()) {
            contenders.get(name).run();
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((i + round) % names.size());
                results.get(name).add(contenders.get(name).run());
            }
        }
        return this;
    }

    Samples samples(String name) {
        return Samples.of(results.get(name));
    }

    /** The per-round ratios {@code a / b}. */
    Samples ratio(String a, String b) {
        List<Double> numerators = results.get(a);
        List<Double> denominators = results.get(b);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            ratios.add(numerators.get(i) / denominators.get(i));
        }
        return Samples.of(ratios);
    }
}
