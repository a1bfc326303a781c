package io.noveltylens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CoreTextTest {

    /** A menu path, a command line or one of its flags: what only a front end may name. */
    private static final Pattern FRONT_END = Pattern.compile("Preferences >|\\bnovelty [a-z]|--[a-z]");

    @Test
    void everyMessageIsReadAndNamesNoFrontEnd() throws IllegalAccessException {
        for (Field field : CoreText.class.getFields()) {
            String message = (String) field.get(null);
            assertNotNull(message, field.getName());
            assertFalse(FRONT_END.matcher(message).find(), field.getName() + ": " + message);
        }
    }

    @Test
    void bindReplacesPlaceholdersAsNlsDoes() {
        assertEquals("The index in /tmp/x was built with the model 'm' (1000000 passages).",
                CoreText.bind("The index in {0} was built with the model '{1}' ({2} passages).", "/tmp/x", "m",
                        1_000_000));
        assertEquals("{2} and {x} stay as they are: a", CoreText.bind("{2} and {x} stay as they are: {0}", "a"));
    }
}
