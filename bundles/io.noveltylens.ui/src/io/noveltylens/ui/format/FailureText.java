package io.noveltylens.ui.format;

import io.noveltylens.core.NoveltyException;
import io.noveltylens.ui.Messages;

/** How a failure reads on screen: core's message, followed by the fix this IDE offers when core names one. */
public final class FailureText {

    private FailureText() {
    }

    public static String of(NoveltyException error) {
        return error.remedy().map(remedy -> switch (remedy) {
            case BUILD_INDEX -> error.getMessage() + ' ' + Messages.FailureText_buildIndex;
        }).orElse(error.getMessage());
    }
}
