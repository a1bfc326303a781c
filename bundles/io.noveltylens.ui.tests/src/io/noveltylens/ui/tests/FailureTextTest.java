package io.noveltylens.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.core.NoveltyException.Kind;
import io.noveltylens.core.NoveltyException.Remedy;
import io.noveltylens.ui.Messages;
import io.noveltylens.ui.format.FailureText;

/** Core says what failed; the IDE adds its own way to fix it, and only when core names one. */
class FailureTextTest {

    @Test
    void aMissingIndexGetsTheIdesMenuPath() {
        NoveltyException missing = new NoveltyException(Kind.INDEX, Remedy.BUILD_INDEX,
                "There is no Novelty Lens index in /tmp/x.", null);
        assertEquals("There is no Novelty Lens index in /tmp/x. " + Messages.FailureText_buildIndex,
                FailureText.of(missing));
    }

    @Test
    void aFailureWithoutRemedyReadsAsCoreWroteIt() {
        NoveltyException damaged = new NoveltyException(Kind.INDEX, "The index in /tmp/x is damaged.");
        assertEquals(damaged.getMessage(), FailureText.of(damaged));
    }
}
