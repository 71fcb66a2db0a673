package dev.switchboard.learning;

import java.util.Map;
import java.util.TreeMap;

/**
 * Prints how one learner does on the synthetic {@link RoutingWorld} streams (stationary, drift, new arm), with
 * feedback on time and up to 500 decisions late: oracle ratio over the last quarter of 8,000 rounds, the changed
 * arm's share of its task, and how many points of the oracle's reward were lost on exploring choices (an arm whose
 * estimate was not the best) and on exploiting ones (the best estimate was wrong), averaged over seeded worlds.
 * {@code -DfirstWorld=N} starts from world N instead of 0, for worlds no setting was tuned on.
 * {@code -Dexplorations=N} runs each world N times with different exploration seeds (the world's rewards stay the
 * same), to average out the luck of the exploration. With
 * {@code -Dhttp=URL} it routes through a running service instead of the learning core in process (whose
 * exploration is not seeded). Run it with bench/streams.
 */
public final class StreamsBench {

    private StreamsBench() {
    }

    private static String json(Map<String, Object> params) {
        StringBuilder out = new StringBuilder("{");
        params.forEach((k, v) -> out.append(out.length() == 1 ? "" : ",").append('"').append(k).append("\":")
                .append(v));
        return out.append('}').toString();
    }

    /** Args: algorithm, then params as name=value (numbers or booleans), e.g. {@code linucb alpha=1 drift=0}. */
    public static void main(String[] args) {
        String algorithm = args.length > 0 ? args[0] : "linucb";
        Map<String, Object> params = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], kv[1].equals("true") || kv[1].equals("false") ? (Object) Boolean.valueOf(kv[1])
                    : (Object) Double.parseDouble(kv[1]));
        }
        String http = System.getProperty("http");
        int worlds = Integer.getInteger("worlds", http == null ? 20 : 1);
        int rounds = Integer.getInteger("rounds", 8_000);
        String shapeText = System.getProperty("shape");
        RoutingWorld.Shape shape = shapeText == null ? RoutingWorld.Shape.of(8) : RoutingWorld.Shape.parse(shapeText);
        int explorations = Integer.getInteger("explorations", 1);
        int firstWorld = Integer.getInteger("firstWorld", 0);
        System.out.printf("%s %s, %d worlds of %s from world %d, %d run%s each, %,d rounds, %s;"
                + " last quarter's expected reward / oracle's%n", algorithm, params, worlds, shape, firstWorld,
                explorations, explorations == 1 ? "" : "s", rounds,
                http == null ? "in process" : "over HTTP at " + http);
        for (RoutingWorld.Scenario scenario : RoutingWorld.Scenario.values()) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", scenario));
            for (int delay : new int[] {0, 500}) {
                RoutingWorld.Tally tally = new RoutingWorld.Tally();
                for (int seed = firstWorld; seed < firstWorld + worlds; seed++) {
                    RoutingWorld world = new RoutingWorld(scenario, shape, 1000 + seed);
                    for (int exploration = 0; exploration < explorations; exploration++) {
                        if (http == null) {
                            PolicyModel model = PolicyModel.create(Algorithms.parse(algorithm, params),
                                    world.activeArms(0, rounds).length);
                            tally.add(world.run(model, rounds, delay, 7 + seed, exploration));
                        } else {
                            HttpRouter router = new HttpRouter(http, "streams-" + System.nanoTime(), algorithm,
                                    json(params));
                            tally.add(world.run(router, rounds, delay, 7 + seed));
                            router.delete();
                        }
                    }
                }
                RoutingWorld.Score mean = tally.mean();
                line.append(String.format("   delay ≤%3d: %.4f (worst %.4f; lost %.2f exploring, %.2f exploiting)",
                        delay, mean.oracleRatio(), tally.worstRatio(), 100 * mean.exploreLoss(),
                        100 * (1 - mean.oracleRatio() - mean.exploreLoss())));
                if (scenario != RoutingWorld.Scenario.STATIONARY) {
                    line.append(String.format(", changed arm's share %.2f (fewest %.2f, of %d runs where it clearly"
                            + " leads)", mean.changedArmShare(), tally.fewestShare(), tally.runsWithShare()));
                }
            }
            System.out.println(line);
        }
    }
}
