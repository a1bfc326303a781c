package io.noveltylens.core.exclude;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which parts of a text an analysis leaves out, and the masking that does it: a pure function of the text, the same
 * in the IDE and on the command line (docs/readouts.md, Exclusions). The scanners run in a fixed order, each on what
 * the ones before left: front matter, then Markdown (CommonMark) or LaTeX structure with its code, block quotes and
 * markup, then citations and the reference list, then quotations.
 */
public record Exclusions(Set<Exclusion> on) {

    /** Markup, front matter, code and citations; quotations are a writer's own choice (issue 16). */
    public static final Exclusions DEFAULT = new Exclusions(
            EnumSet.of(Exclusion.MARKUP, Exclusion.FRONT_MATTER, Exclusion.CODE, Exclusion.CITATIONS));
    public static final Exclusions NONE = new Exclusions(Set.of());

    public Exclusions {
        on = on.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(on));
    }

    public boolean excludes(Exclusion exclusion) {
        return on.contains(exclusion);
    }

    public Exclusions with(Exclusion exclusion) {
        Set<Exclusion> more = EnumSet.of(exclusion);
        more.addAll(on);
        return new Exclusions(more);
    }

    /**
     * The settings named in {@code list}: ids of {@link Exclusion} ({@code front-matter}) separated by commas, or
     * {@code none}.
     *
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Exclusions parse(String list) {
        if (list.strip().equalsIgnoreCase("none")) {
            return NONE;
        }
        Set<Exclusion> named = EnumSet.noneOf(Exclusion.class);
        for (String name : list.split(",")) {
            String id = name.strip().toLowerCase(Locale.ROOT);
            named.add(Arrays.stream(Exclusion.values()).filter(each -> each.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown exclusion '" + name.strip()
                            + "': use none or any of " + ids(EnumSet.allOf(Exclusion.class)))));
        }
        return new Exclusions(named);
    }

    /** The ids of the settings on, comma separated, or {@code none}: what {@link #parse} reads back. */
    @Override
    public String toString() {
        return on.isEmpty() ? "none" : ids(on);
    }

    private static String ids(Set<Exclusion> exclusions) {
        return exclusions.stream().sorted().map(Exclusion::id).collect(Collectors.joining(","));
    }

    /** {@code text} with what these settings leave out blanked, and the ranges left out. */
    public MaskedText mask(String text) {
        Blanking blanking = new Blanking(text);
        if (on.isEmpty()) {
            return MaskedText.of(text, blanking.ranges());
        }
        if (excludes(Exclusion.FRONT_MATTER)) {
            FrontMatter.scan(blanking);
        }
        if (LatexMarkup.isLatex(blanking.text())) {
            LatexMarkup.scan(blanking, this);
        } else {
            MarkdownMarkup.scan(blanking, this);
        }
        if (excludes(Exclusion.CITATIONS)) {
            Citations.scan(blanking);
        }
        if (excludes(Exclusion.QUOTATIONS)) {
            Quotations.scan(blanking);
        }
        return MaskedText.of(text, blanking.ranges());
    }
}
