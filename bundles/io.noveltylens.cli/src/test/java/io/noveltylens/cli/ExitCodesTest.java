package io.noveltylens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException.Kind;

/** The exit codes are a contract with scripts: each kind of failure keeps the code it has always had. */
class ExitCodesTest {

    @Test
    void eachKindOfFailureHasItsDocumentedCode() {
        Map<Kind, Integer> documented = Map.of(Kind.BAD_INPUT, 2, Kind.MODEL, 3, Kind.INDEX, 4, Kind.CORPUS, 5,
                Kind.IO, 6);
        assertEquals(Kind.values().length, documented.size(), "every kind is documented");
        documented.forEach((kind, code) -> assertEquals(code, ExitCodes.of(kind), kind.name()));
    }
}
