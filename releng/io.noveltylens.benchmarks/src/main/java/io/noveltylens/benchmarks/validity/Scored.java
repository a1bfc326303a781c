package io.noveltylens.benchmarks.validity;

import com.google.gson.JsonObject;

/** A unit with its line of {@code novelty score -} output. */
record Scored(Unit unit, JsonObject report) {
}
