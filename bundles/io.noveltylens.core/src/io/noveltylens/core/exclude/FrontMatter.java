package io.noveltylens.core.exclude;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML ({@code ---} ... {@code ---} or {@code ...}) or TOML ({@code +++} ... {@code +++}) front matter, as static site
 * generators (Jekyll, Hugo) and Pandoc read it: only at the very start of the text. Without its closing line it is
 * not front matter (a thematic break), and nothing is left out.
 */
final class FrontMatter {

    private static final Pattern BLOCK = Pattern
            .compile("\\A(?:---[ \\t]*\\r?\\n.*?^(?:---|\\.\\.\\.)|\\+\\+\\+[ \\t]*\\r?\\n.*?^\\+\\+\\+)[ \\t]*$",
                    Pattern.DOTALL | Pattern.MULTILINE);

    private FrontMatter() {
    }

    static void scan(Blanking blanking) {
        Matcher matcher = BLOCK.matcher(blanking.text());
        if (matcher.find()) {
            blanking.claim(matcher.start(), matcher.end(), ExcludedKind.FRONT_MATTER);
        }
    }
}
