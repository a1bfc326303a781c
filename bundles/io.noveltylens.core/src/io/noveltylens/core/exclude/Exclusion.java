package io.noveltylens.core.exclude;

import java.util.Locale;

/**
 * What a writer can leave out of an analysis, one setting each (a preference in the IDE, a value of {@code --exclude}
 * on the command line). {@link Exclusions#DEFAULT} leaves out all but the quotations.
 */
public enum Exclusion {
    /** Markdown and LaTeX syntax: heading and list markers, emphasis, link targets, commands, math, HTML. */
    MARKUP,
    /** A YAML ({@code ---}) or TOML ({@code +++}) block at the very start of the text. */
    FRONT_MATTER,
    /** Fenced and indented code blocks, inline code, LaTeX's verbatim environments. */
    CODE,
    /** Text in double quotation marks (straight, curly, LaTeX's) and block quotes. */
    QUOTATIONS,
    /** Citations ("[12]", "(Smith, 2003)", \cite{...}) and a trailing reference list. */
    CITATIONS;

    /** The name on the command line and in preference keys: {@code front-matter}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
