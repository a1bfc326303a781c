package io.noveltylens.core.exclude;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Markdown's code, block quotes and markup, from CommonMark-java's syntax tree and the source spans of its nodes
 * (offsets into the text parsed, which has the original's offsets). Code blocks and spans, HTML, images, thematic
 * breaks and link reference definitions are left out whole; of every other node, what its source spans hold beyond
 * its children's is syntax: heading and list markers, '>' of block quotes, emphasis delimiters, a link's brackets and
 * destination. The text a reader reads (the tree's leaves) stays.
 * <p>
 * A text is read as Markdown only when it has something that only Markdown writes: a heading, a fence, a list, a
 * block quote, HTML, a link or image with its destination, a code span. Other text is plain prose and nothing in it
 * is markup: plain-text books mark italics with underscores and indent verse and letters, and a corpus of such books
 * is indexed as written, so leaving their underscores out of a query would measure it against text it no longer
 * resembles (docs/readouts.md, Exclusions).
 */
final class MarkdownMarkup {

    /** Thread-safe once built (CommonMark's documentation). */
    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    private final Blanking blanking;
    /** The text parsed; read, not {@link Blanking#text()}, which copies the text at every call. */
    private final String text;
    private final Exclusions exclusions;

    private MarkdownMarkup(Blanking blanking, String text, Exclusions exclusions) {
        this.blanking = blanking;
        this.text = text;
        this.exclusions = exclusions;
    }

    static void scan(Blanking blanking, Exclusions exclusions) {
        if (!exclusions.excludes(Exclusion.MARKUP) && !exclusions.excludes(Exclusion.CODE)
                && !exclusions.excludes(Exclusion.QUOTATIONS)) {
            return;
        }
        String text = blanking.text();
        Node document = PARSER.parse(text);
        if (writtenInMarkdown(document)) {
            new MarkdownMarkup(blanking, text, exclusions).visit(document);
        }
    }

    private void visit(Node node) {
        ExcludedKind whole = wholeKind(node);
        if (whole != null && exclusions.excludes(whole.setting())) {
            claimSpans(node, whole);
            return;
        }
        // a leaf is all content (text, code kept) but for a hard line break's backslash; a block quote kept has its '>'
        boolean hasSyntax = node.getFirstChild() != null && !(node instanceof Document)
                && (whole == null || node instanceof BlockQuote) || node instanceof HardLineBreak;
        if (hasSyntax && exclusions.excludes(Exclusion.MARKUP)) {
            claimSyntax(node);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            visit(child);
        }
    }

    /** The kind a node is left out as as a whole, or null when only its syntax is markup. */
    private ExcludedKind wholeKind(Node node) {
        if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            return ExcludedKind.CODE_BLOCK;
        }
        if (node instanceof Code) {
            return ExcludedKind.CODE_SPAN;
        }
        if (node instanceof BlockQuote) {
            return ExcludedKind.BLOCK_QUOTE;
        }
        if (node instanceof HtmlBlock || node instanceof HtmlInline || node instanceof Image
                || node instanceof ThematicBreak || node instanceof LinkReferenceDefinition) {
            return ExcludedKind.MARKUP;
        }
        return null;
    }

    /** The node from its first source span's start to its last one's end (lines between included). */
    private void claimSpans(Node node, ExcludedKind kind) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (!spans.isEmpty()) {
            SourceSpan last = spans.get(spans.size() - 1);
            blanking.claim(spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength(), kind);
        }
    }

    /** Each stretch of the node's spans that none of its children's spans covers, less whitespace, as markup. */
    private void claimSyntax(Node node) {
        BitSet children = new BitSet();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            for (SourceSpan span : child.getSourceSpans()) {
                children.set(span.getInputIndex(), span.getInputIndex() + span.getLength());
            }
        }
        List<int[]> stretches = new ArrayList<>();
        for (SourceSpan span : node.getSourceSpans()) {
            int end = span.getInputIndex() + span.getLength();
            for (int i = span.getInputIndex(); i < end; i++) {
                if (children.get(i) || Character.isWhitespace(text.charAt(i))) {
                    continue;
                }
                int start = i;
                while (i < end && !children.get(i) && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                stretches.add(new int[] { start, i });
            }
        }
        stretches.forEach(stretch -> blanking.claim(stretch[0], stretch[1], ExcludedKind.MARKUP));
    }

    private static boolean writtenInMarkdown(Node node) {
        if (node instanceof Heading || node instanceof FencedCodeBlock || node instanceof ListBlock
                || node instanceof BlockQuote || node instanceof HtmlBlock || node instanceof LinkReferenceDefinition
                || node instanceof Link || node instanceof Image || node instanceof Code
                || node instanceof HtmlInline) {
            return true;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (writtenInMarkdown(child)) {
                return true;
            }
        }
        return false;
    }
}
