package dev.switchboard.learning.encoding;

import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Switchboard keeps of a prompt's text: its length, whether it looks like code or like mathematics, and which of
 * {@value #WORD_BUCKETS} hashed word buckets its words fall into. It is computed offline with no model, and it is all
 * that is learned from or stored: the prompt itself never reaches the database.
 *
 * <p>Word hashing uses {@link String#hashCode()}, whose value the Java language specification fixes, so every
 * replica and every replay hashes a word to the same bucket.
 *
 * @param chars the text's length in characters
 * @param code whether it looks like source code
 * @param math whether it looks like mathematics
 * @param words the distinct word buckets, ascending, each in {@code [0, WORD_BUCKETS)}
 */
public record TextSummary(int chars, boolean code, boolean math, int[] words) {

    /** How many buckets hashed words fall into. */
    public static final int WORD_BUCKETS = 64;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final Pattern CODE = Pattern.compile(
            "```|\\b(def|class|function|return|import|public|static|void|const|let|var|SELECT|FROM)\\b|[{};]\\s*$|=>|->",
            Pattern.MULTILINE);
    private static final Pattern MATH = Pattern.compile(
            "\\d\\s*[-+*/^=<>]\\s*\\d|\\\\(frac|sqrt|sum|int)|\\b(solve|equation|integral|derivative|prove|"
                    + "probability|theorem)\\b|[∑∫√π≤≥≠]",
            Pattern.CASE_INSENSITIVE);

    /**
     * @throws IllegalArgumentException if {@code chars} is negative or a bucket is out of range or repeated
     */
    public TextSummary {
        if (chars < 0) {
            throw new IllegalArgumentException("chars must be ≥ 0, got " + chars);
        }
        words = words.clone();
        Arrays.sort(words);
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 0 || words[i] >= WORD_BUCKETS || (i > 0 && words[i] == words[i - 1])) {
                throw new IllegalArgumentException("word buckets must be distinct and in [0, " + WORD_BUCKETS
                        + "), got " + Arrays.toString(words));
            }
        }
    }

    public static TextSummary of(String text) {
        TreeSet<Integer> buckets = new TreeSet<>();
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            buckets.add(Math.floorMod(words.group().hashCode(), WORD_BUCKETS));
        }
        return new TextSummary(text.length(), CODE.matcher(text).find(), MATH.matcher(text).find(),
                buckets.stream().mapToInt(Integer::intValue).toArray());
    }

    @Override
    public int[] words() {
        return words.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextSummary t && chars == t.chars && code == t.code && math == t.math
                && Arrays.equals(words, t.words);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + chars + (code ? 2 : 0) + (math ? 1 : 0);
    }

    @Override
    public String toString() {
        return "TextSummary[chars=" + chars + ", code=" + code + ", math=" + math + ", words="
                + Arrays.toString(words) + "]";
    }
}
