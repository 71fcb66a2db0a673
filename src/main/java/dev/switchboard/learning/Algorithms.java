package dev.switchboard.learning;

import dev.switchboard.learning.algorithms.BetaThompson;
import dev.switchboard.learning.algorithms.EpsilonGreedy;
import dev.switchboard.learning.algorithms.LinTs;
import dev.switchboard.learning.algorithms.LinUcb;
import dev.switchboard.learning.algorithms.Ucb1;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The catalogue of algorithms by public name: the one place a new algorithm is registered. */
public final class Algorithms {

    private static final Map<String, Function<Map<String, Object>, LearnerConfig>> PARSERS = new LinkedHashMap<>();

    static {
        PARSERS.put(EpsilonGreedy.NAME, EpsilonGreedy.Config::parse);
        PARSERS.put(Ucb1.NAME, Ucb1.Config::parse);
        PARSERS.put(BetaThompson.NAME, BetaThompson.Config::parse);
        PARSERS.put(LinUcb.NAME, LinUcb.Config::parse);
        PARSERS.put(LinTs.NAME, LinTs.Config::parse);
    }

    /** A cost weight beyond this would make every reward difference irrelevant. */
    static final double MAX_COST_WEIGHT = 100;

    private Algorithms() {
    }

    public static Set<String> names() {
        return PARSERS.keySet();
    }

    /**
     * @throws InvalidParamsException if the algorithm is unknown or a param is unknown or out of range
     */
    public static PolicyConfig parse(String algorithm, Map<String, Object> params) {
        Function<Map<String, Object>, LearnerConfig> parser = PARSERS.get(algorithm);
        if (parser == null) {
            throw new InvalidParamsException("unknown algorithm " + algorithm + "; known: " + String.join(", ", names()));
        }
        Map<String, Object> own = new HashMap<>(params);
        Object costWeight = own.remove(PolicyConfig.COST_WEIGHT);
        ParamReader shared = new ParamReader(algorithm, costWeight == null ? Map.of()
                : Map.of(PolicyConfig.COST_WEIGHT, costWeight));
        double weight = shared.number(PolicyConfig.COST_WEIGHT, 0, 0, MAX_COST_WEIGHT);
        return new PolicyConfig(parser.apply(own), weight);
    }
}
