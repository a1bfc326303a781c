package io.noveltylens.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples the 1-minute load average every few seconds for the whole run. On 2 shared cores a load above 2 means other
 * work competed with the benchmark; the report quotes the range so that a reader can judge the noise.
 */
final class LoadSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 5000;

    private final List<Double> samples = new ArrayList<>();
    private final Thread thread;

    LoadSampler() {
        thread = new Thread(this::sample, "load-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        try {
            while (true) {
                double load = Machine.loadAverage();
                synchronized (samples) {
                    samples.add(load);
                }
                Thread.sleep(INTERVAL_MILLIS);
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    Samples summary() {
        synchronized (samples) {
            return Samples.of(samples);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
