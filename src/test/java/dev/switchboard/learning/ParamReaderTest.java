package dev.switchboard.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamReaderTest {

    private static String problem(Map<String, Object> params, java.util.function.Consumer<ParamReader> read) {
        return assertThrows(InvalidParamsException.class, () -> read.accept(new ParamReader("linucb", params)))
                .getMessage();
    }

    @Test
    void boundsAndValuesAreWrittenAsPeopleWriteNumbers() {
        assertEquals("linucb: maxFeatures must be in [2, 4096], got 100000000",
                problem(Map.of("maxFeatures", 1e8), r -> r.integer("maxFeatures", 256, 2, 4096)));
        assertEquals("linucb: alpha must be in [0, 100], got -0.5",
                problem(Map.of("alpha", -0.5), r -> r.number("alpha", 2, 0, 100)));
        assertEquals("linucb: maxFeatures must be a whole number, got 2.5",
                problem(Map.of("maxFeatures", 2.5), r -> r.integer("maxFeatures", 256, 2, 4096)));
    }

    @Test
    void aPositiveParamSaysSoWhateverTheSignOfTheValue() {
        assertEquals("linucb: lambda must be > 0, got -1", problem(Map.of("lambda", -1), r -> r.positive("lambda", 1)));
        assertEquals("linucb: lambda must be > 0, got 0", problem(Map.of("lambda", 0), r -> r.positive("lambda", 1)));
        assertEquals(0.25, new ParamReader("linucb", Map.of("lambda", 0.25)).positive("lambda", 1));
    }

    @Test
    void aParamNoGetterAskedForIsRefusedWithTheOnesThatExist() {
        ParamReader reader = new ParamReader("linucb", Map.of("alfa", 1));
        reader.number("alpha", 2, 0, 100);
        reader.positive("lambda", 1);
        assertEquals("linucb: unknown param alfa; linucb takes alpha, lambda",
                assertThrows(InvalidParamsException.class, reader::finish).getMessage());
    }
}
