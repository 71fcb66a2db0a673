package dev.switchboard.learning.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureSpaceTest {

    @Test
    void numbersAreLogScaledSoLargeCountsCannotSwampTheModel() {
        assertEquals(Math.log(101), FeatureSpace.scale(100), 1e-12);
        assertEquals(Math.log(100_001), FeatureSpace.scale(100_000), 1e-12);
        assertEquals(-Math.log(3), FeatureSpace.scale(-2), 1e-12);
        assertTrue(FeatureSpace.scale(1e300) < 700);
    }

    @Test
    void encodingDoesNotDependOnKeyOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "x");
        ab.put("b", "y");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "y");
        ba.put("a", "x");
        FeatureSpace first = new FeatureSpace(16);
        FeatureSpace second = new FeatureSpace(16);
        first.learn(Context.of(ab, Map.of()));
        second.learn(Context.of(ba, Map.of()));
        assertEquals(first.names(), second.names());
    }

    @Test
    void encodeNeverAssignsAndCountsUnseenFeatures() {
        FeatureSpace space = new FeatureSpace(16);
        FeatureVector x = space.encode(Context.of(Map.of("task", "code"), Map.of("tokens", 100.0)));
        assertEquals(2, space.dimension());
        assertEquals(1, x.nonZeros());
        assertEquals(1 + Math.pow(Math.log(101), 2), x.unseenSquaredNorm(), 1e-12);
        FeatureVector learned = space.learn(Context.of(Map.of("task", "code"), Map.of("tokens", 100.0)));
        assertEquals(4, space.dimension());
        assertEquals(3, learned.nonZeros());
        assertEquals(0, learned.unseenSquaredNorm());
    }

    @Test
    void categoriesBeyondCapacityShareTheOverflowBucket() {
        FeatureSpace space = new FeatureSpace(3);
        space.learn(Context.of(Map.of("user", "u1"), Map.of()));
        FeatureVector x = space.learn(Context.of(Map.of("user", "u2"), Map.of()));
        FeatureVector y = space.encode(Context.of(Map.of("user", "u3"), Map.of()));
        assertEquals(3, space.dimension());
        assertEquals(FeatureSpace.OVERFLOW, x.index(x.nonZeros() - 1));
        assertEquals(FeatureSpace.OVERFLOW, y.index(y.nonZeros() - 1));
    }
}
