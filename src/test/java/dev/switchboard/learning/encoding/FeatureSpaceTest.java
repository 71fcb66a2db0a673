package dev.switchboard.learning.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    private static final List<List<String>> NO_CROSSES = List.of();
    private static final List<List<String>> ALL_PAIRS = List.of(List.of("*", "*"));

    @Test
    void numbersAreLogScaledToTheRangeOfAnIndicator() {
        assertEquals(Math.log(101) / Math.log(65536), FeatureSpace.scale(100), 1e-12);
        assertEquals(1, FeatureSpace.scale(65535), 1e-12);
        assertEquals(-Math.log(3) / Math.log(65536), FeatureSpace.scale(-2), 1e-12);
        assertTrue(FeatureSpace.scale(1e300) < 64);
    }

    @Test
    void magnitudesAreBinaryOrdersSoAContextWindowIsAStep() {
        assertEquals("e12", FeatureSpace.magnitude(4096));
        assertEquals("e12", FeatureSpace.magnitude(8191));
        assertEquals("e13", FeatureSpace.magnitude(8192));
        assertEquals("0", FeatureSpace.magnitude(0));
        assertEquals("e<0", FeatureSpace.magnitude(0.5));
        assertEquals("-e3", FeatureSpace.magnitude(-9));
    }

    @Test
    void featuresOfOneKindShareAGroup() throws IOException {
        assertEquals("c:lang", FeatureSpace.groupName("c:lang=zh"));
        assertEquals("x:lang&task", FeatureSpace.groupName("x:lang=zh&task=code"));
        assertEquals("g:promptTokens", FeatureSpace.groupName("g:promptTokens>=e12"));
        assertEquals("g:delta", FeatureSpace.groupName("g:delta<=-e3"));
        assertEquals("b:urgent", FeatureSpace.groupName("b:urgent=e0"));
        assertEquals("n:promptTokens", FeatureSpace.groupName("n:promptTokens"));
        assertEquals("h:", FeatureSpace.groupName("h:17"));
        FeatureSpace space = new FeatureSpace(new Encoding(64, ALL_PAIRS));
        FeatureVector zh = space.learn(Context.of(Map.of("lang", "zh", "task", "code"), Map.of()));
        FeatureVector de = space.learn(Context.of(Map.of("lang", "de", "task", "chat"), Map.of()));
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        space.writeTo(new DataOutputStream(saved));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(saved.toByteArray()));
        FeatureVector restored = FeatureSpace.readFrom(in, new Encoding(64, ALL_PAIRS))
                .encode(Context.of(Map.of("lang", "de", "task", "chat"), Map.of()));
        assertEquals(groups(zh), groups(de), "bias, lang, task and their cross: four groups, whatever the values");
        assertEquals(4, new TreeSet<>(groups(de)).size());
        assertEquals(groups(de), groups(restored), "a restored space numbers its groups as the one it was saved from");
    }

    @Test
    void aVectorHoldsItsDimensionsInAscendingOrderEachWithItsOwnValueAndGroup() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, NO_CROSSES));
        space.learn(Context.of(Map.of("lang", "en", "task", "code"), Map.of()));
        space.learn(Context.of(Map.of("lang", "en", "task", "math"), Map.of("tokens", 1.0)));
        // lang=de is encoded before task=code but is given a dimension after it
        FeatureVector x = space.learn(Context.of(Map.of("lang", "de", "task", "code"), Map.of("tokens", 0.5)));
        for (int k = 1; k < x.nonZeros(); k++) {
            assertTrue(x.index(k - 1) < x.index(k), "index " + k + " ascends");
        }
        assertEquals(Map.of("bias", 1.0, "c:lang=de", 1.0, "c:task=code", 1.0, "n:tokens", FeatureSpace.scale(0.5),
                "b:tokens=e<0", 1.0), byName(space, x));
        FeatureVector en = space.encode(Context.of(Map.of("lang", "en", "task", "code"), Map.of()));
        assertEquals(groupOf(space, en, "c:lang=en"), groupOf(space, x, "c:lang=de"), "lang=de is in lang's group");
    }

    /** The group of the active dimension named {@code name}. */
    private static int groupOf(FeatureSpace space, FeatureVector x, String name) {
        int dimension = space.names().indexOf(name);
        for (int k = 0; k < x.nonZeros(); k++) {
            if (x.index(k) == dimension) {
                return x.group(k);
            }
        }
        throw new AssertionError(name + " is not active");
    }

    @Test
    void aSpaceWithRoomForNoFeatureHoldsEveryContextInTheOverflowBucket() {
        FeatureSpace space = new FeatureSpace(Encoding.NONE);
        Map<String, Double> full = Map.of("bias", 1.0, "overflow", 1.0);
        assertEquals(full, byName(space, space.learn(Context.of(Map.of("task", "code"), Map.of("tokens", 812.0),
                TextSummary.of("def f(x): return x")))));
        assertEquals(full, byName(space, space.encode(Context.of(Map.of(), Map.of("urgent", 0.0)))));
        assertEquals(full, byName(space, space.encode(Context.of(Map.of("lang", "de"), Map.of()))));
        assertEquals(Map.of("bias", 1.0), byName(space, space.learn(Context.empty())));
        assertEquals(List.of("bias", "overflow"), space.names(), "learning gave no feature a dimension");
    }

    /** Each active dimension's name with its value. */
    private static Map<String, Double> byName(FeatureSpace space, FeatureVector x) {
        List<String> names = space.names();
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int k = 0; k < x.nonZeros(); k++) {
            byName.put(names.get(x.index(k)), x.value(k));
        }
        return byName;
    }

    /** The groups of a vector's dimensions, sorted. */
    private static List<Integer> groups(FeatureVector x) {
        List<Integer> groups = new ArrayList<>();
        for (int k = 0; k < x.nonZeros(); k++) {
            groups.add(x.group(k));
        }
        Collections.sort(groups);
        return groups;
    }

    @Test
    void encodingDoesNotDependOnKeyOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "x");
        ab.put("b", "y");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "y");
        ba.put("a", "x");
        FeatureSpace first = new FeatureSpace(new Encoding(16, ALL_PAIRS));
        FeatureSpace second = new FeatureSpace(new Encoding(16, ALL_PAIRS));
        first.learn(Context.of(ab, Map.of()));
        second.learn(Context.of(ba, Map.of()));
        assertEquals(first.names(), second.names());
    }

    @Test
    void encodeNeverAssignsAndCountsUnseenFeatures() {
        FeatureSpace space = new FeatureSpace(new Encoding(16, NO_CROSSES));
        Context context = Context.of(Map.of("task", "code"), Map.of("tokens", 100.0));
        FeatureVector x = space.encode(context);
        assertEquals(2, space.dimension());
        assertEquals(1, x.nonZeros());
        double steps = 6 * FeatureSpace.STEP_WEIGHT * FeatureSpace.STEP_WEIGHT;
        assertEquals(1 + Math.pow(FeatureSpace.scale(100), 2) + steps, x.unseenSquaredNorm(), 1e-12);
        FeatureVector learned = space.learn(context);
        assertEquals(List.of("bias", "overflow", "c:task=code", "n:tokens", "g:tokens>=e1", "g:tokens>=e2",
                "g:tokens>=e3", "g:tokens>=e4", "g:tokens>=e5", "g:tokens>=e6"), space.names());
        assertEquals(9, learned.nonZeros());
        assertEquals(0, learned.unseenSquaredNorm());
    }

    @Test
    void aNumberSharesEachStepWithEveryLargerNumber() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, NO_CROSSES));
        List<String> shortPrompt = stepsOf(space, 3_000);
        List<String> longPrompt = stepsOf(space, 5_000);
        List<String> longerPrompt = stepsOf(space, 50_000);
        assertFalse(shortPrompt.contains("g:tokens>=e12"));
        assertTrue(longPrompt.contains("g:tokens>=e12"));
        assertTrue(longerPrompt.containsAll(longPrompt), "a window learned at 5,000 tokens holds at 50,000");
        assertEquals(List.of("g:tokens<=-e1", "g:tokens<=-e2"), stepsOf(space, -5));
        assertEquals(FeatureSpace.MAX_STEP, stepsOf(space, 1e300).size());
    }

    @Test
    void aNumberBelowTwoGivesTheIndicatorOfItsMagnitude() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, NO_CROSSES));
        space.learn(Context.of(Map.of(), Map.of("urgent", 1.0)));
        space.learn(Context.of(Map.of(), Map.of("urgent", 0.0)));
        space.learn(Context.of(Map.of(), Map.of("share", 0.5)));
        assertTrue(space.names().containsAll(List.of("b:urgent=e0", "b:urgent=0", "b:share=e<0")),
                space.names().toString());
        assertTrue(space.names().stream().noneMatch(n -> n.startsWith("g:")));
    }

    private static List<String> stepsOf(FeatureSpace space, double tokens) {
        FeatureVector x = space.learn(Context.of(Map.of(), Map.of("tokens", tokens)));
        List<String> steps = new java.util.ArrayList<>();
        for (int k = 0; k < x.nonZeros(); k++) {
            String name = space.names().get(x.index(k));
            if (name.startsWith("g:")) {
                steps.add(name);
                assertEquals(FeatureSpace.STEP_WEIGHT, x.value(k));
            }
        }
        return steps;
    }

    @Test
    void allPairsCrossEveryTwoCategoricalFeatures() {
        FeatureSpace space = new FeatureSpace(new Encoding(32, ALL_PAIRS));
        space.learn(Context.of(Map.of("task", "translate", "lang", "zh", "tier", "free"), Map.of("tokens", 10.0)));
        List<String> crosses = space.names().stream().filter(n -> n.startsWith("x:")).toList();
        assertEquals(List.of("x:lang=zh&task=translate", "x:lang=zh&tier=free", "x:task=translate&tier=free"),
                crosses);
    }

    @Test
    void namedCrossesTakeANumberThroughItsMagnitude() {
        FeatureSpace space = new FeatureSpace(new Encoding(32, List.of(List.of("task", "tokens"))));
        space.learn(Context.of(Map.of("task", "code", "lang", "en"), Map.of("tokens", 9000.0)));
        assertTrue(space.names().contains("x:task=code&tokens=e13"), space.names().toString());
        assertFalse(space.names().stream().anyMatch(n -> n.startsWith("x:lang")));
    }

    @Test
    void crossesFollowEachContextsKeysAndTheCurrentInteractions() {
        FeatureSpace space = new FeatureSpace(new Encoding(64, ALL_PAIRS));
        Context twoKeys = Context.of(Map.of("task", "code", "lang", "en"), Map.of());
        Context threeKeys = Context.of(Map.of("task", "code", "lang", "en", "tier", "pro"), Map.of());
        Context tierIsANumber = Context.of(Map.of("task", "code", "lang", "en"), Map.of("tier", 3.0));
        space.learn(threeKeys);
        // alternating key sets, each encoded after the others: a context gets the crosses of its own keys
        assertEquals(Set.of("x:lang=en&task=code"), crossNames(space, twoKeys));
        assertEquals(Set.of("x:lang=en&task=code", "x:lang=en&tier=pro", "x:task=code&tier=pro"),
                crossNames(space, threeKeys));
        assertEquals(Set.of("x:lang=en&task=code"), crossNames(space, tierIsANumber), "* crosses categories only");
        assertEquals(Set.of("x:lang=en&task=code"), crossNames(space, twoKeys));

        space.setEncoding(new Encoding(64, List.of(List.of("task", "tier"))));
        assertEquals(Set.of("x:task=code&tier=pro"), crossNames(space, threeKeys));
        space.learn(tierIsANumber);
        assertEquals(Set.of("x:task=code&tier=e1"), crossNames(space, tierIsANumber));
        space.setEncoding(new Encoding(64, NO_CROSSES));
        assertEquals(Set.of(), crossNames(space, threeKeys));
    }

    /** The names of the cross dimensions that {@code context} sets in {@code space}. */
    private static Set<String> crossNames(FeatureSpace space, Context context) {
        FeatureVector vector = space.encode(context);
        List<String> names = space.names();
        Set<String> crosses = new TreeSet<>();
        for (int k = 0; k < vector.nonZeros(); k++) {
            String name = names.get(vector.index(k));
            if (name.startsWith("x:")) {
                crosses.add(name);
            }
        }
        return crosses;
    }

    @Test
    void textGivesLengthMarkersAndHashedWordsButNeverTheWords() {
        TextSummary summary = TextSummary.of("def add(a, b):\n    return a + b\n\nPlease fix this function.");
        assertTrue(summary.code());
        assertFalse(TextSummary.of("Bonjour, comment ça va ?").code());
        assertTrue(TextSummary.of("Solve the equation 3x + 4 = 19").math());
        FeatureSpace space = new FeatureSpace(new Encoding(128, NO_CROSSES));
        FeatureVector x = space.learn(Context.of(Map.of(), Map.of(), summary));
        assertTrue(space.names().contains("t:code"));
        assertTrue(space.names().stream().noneMatch(n -> n.contains("return") || n.contains("function")));
        double words = 0;
        for (int k = 0; k < x.nonZeros(); k++) {
            if (space.names().get(x.index(k)).startsWith("h:")) {
                words += x.value(k) * x.value(k);
            }
        }
        assertEquals(FeatureSpace.CROSS_WEIGHT * FeatureSpace.CROSS_WEIGHT, words, 1e-12,
                "the hashed words of a prompt weigh as one cross");
        assertEquals(summary, TextSummary.of("def add(a, b):\n    return a + b\n\nPlease fix this function."));
    }

    @Test
    void categoriesBeyondCapacityShareTheOverflowBucket() {
        FeatureSpace space = new FeatureSpace(new Encoding(3, NO_CROSSES));
        space.learn(Context.of(Map.of("user", "u1"), Map.of()));
        FeatureVector x = space.learn(Context.of(Map.of("user", "u2"), Map.of()));
        FeatureVector y = space.encode(Context.of(Map.of("user", "u3"), Map.of()));
        assertEquals(3, space.dimension());
        assertEquals(FeatureSpace.OVERFLOW, x.index(x.nonZeros() - 1));
        assertEquals(FeatureSpace.OVERFLOW, y.index(y.nonZeros() - 1));
    }
}
