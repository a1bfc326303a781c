package io.noveltylens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CoreTraceTest {

    @Test
    void aLocationTracesOnlyWhileSwitchedOn() {
        List<String> lines = new ArrayList<>();
        CoreTrace.Sink sink = (option, message, failure) -> lines.add(option + ' ' + message);
        try {
            CoreTrace.configure(CoreTrace.ENGINE, true, sink);
            CoreTrace.ENGINE.trace("opened");
            CoreTrace.FAILURES.trace("swallowed");
            CoreTrace.configure(CoreTrace.ENGINE, false, sink);
            CoreTrace.ENGINE.trace("closed");
        } finally {
            CoreTrace.configure(CoreTrace.ENGINE, false, null);
        }
        assertEquals(List.of("/debug/engine opened"), lines);
    }
}
