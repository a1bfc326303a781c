package io.noveltylens.core.embed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An independent BERT-uncased tokenizer, written from the published algorithm (Devlin et al. 2019, the original
 * {@code tokenization.py}) to check DJL's native tokenizer against: clean text, isolate CJK ideographs, strip accents
 * (NFD, drop Mn) and lowercase, split on whitespace and punctuation, then greedy longest-match-first WordPiece with
 * {@code ##} continuations; a word over 100 characters, or one that cannot be covered, becomes [UNK]. Only the vocab
 * is read from tokenizer.json. Word pieces only, no special tokens.
 */
final class BertWordPieceReference {

    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Long> vocab;
    private final long unknown;

    private BertWordPieceReference(Map<String, Long> vocab) {
        this.vocab = vocab;
        this.unknown = vocab.get("[UNK]");
    }

    static BertWordPieceReference load(Path tokenizerJson) throws IOException {
        try (Reader reader = Files.newBufferedReader(tokenizerJson, StandardCharsets.UTF_8)) {
            JsonObject vocabJson = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("model")
                    .getAsJsonObject("vocab");
            Map<String, Long> vocab = new HashMap<>();
            vocabJson.entrySet().forEach(entry -> vocab.put(entry.getKey(), entry.getValue().getAsLong()));
            return new BertWordPieceReference(vocab);
        }
    }

    long[] pieces(String text) {
        List<Long> ids = new ArrayList<>();
        for (String word : words(normalize(text))) {
            wordPieces(word, ids);
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isCjk(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(isWhitespace(c) ? ' ' : c);
            }
        });
        // Lowercased one character at a time, with the full mapping (İ -> i + combining dot) and no context rule
        // (a final capital sigma becomes σ, not ς), as the Rust tokenizer does.
        StringBuilder lowered = new StringBuilder();
        Normalizer.normalize(cleaned, Normalizer.Form.NFD).codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(c -> lowered.append(Character.toString(c).toLowerCase(Locale.ROOT)));
        return lowered.toString();
    }

    private static List<String> words(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || isWhitespace(c) || isPunctuation(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (isPunctuation(c)) {
                    words.add(Character.toString(c));
                }
            } else {
                word.appendCodePoint(c);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private void wordPieces(String word, List<Long> out) {
        int[] chars = word.codePoints().toArray();
        if (chars.length > MAX_WORD_CHARS) {
            out.add(unknown);
            return;
        }
        List<Long> pieces = new ArrayList<>();
        for (int start = 0; start < chars.length;) {
            Long match = null;
            int end = chars.length;
            for (; end > start; end--) {
                String piece = (start > 0 ? "##" : "") + new String(chars, start, end - start);
                match = vocab.get(piece);
                if (match != null) {
                    break;
                }
            }
            if (match == null) {
                out.add(unknown);
                return;
            }
            pieces.add(match);
            start = end;
        }
        out.addAll(pieces);
    }

    /** Every "C*" category, except tab, newline and carriage return, which count as whitespace. */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** ASCII non-alphanumerics (BERT counts $, +, <, ^, ` and ~ as punctuation too) and every "P*" category. */
    private static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION ->
                true;
            default -> false;
        };
    }

    private static boolean isCjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
