package dev.switchboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.learning.Choice;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.DecisionBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;

/**
 * Chooses an arm for a context and logs the decision before answering. Choosing is CPU work on learned state in
 * memory; the log is written by the {@link DecisionLog}'s group commit, so {@link #select} never blocks.
 */
@ApplicationScoped
public class DecisionService {

    private final PolicyRegistry registry;
    private final DecisionLog log;
    private final Clock clock;
    private final SwitchboardMetrics metrics;
    private final RandomSource random;

    DecisionService(PolicyRegistry registry, DecisionLog log, Clock clock, SwitchboardMetrics metrics,
            RandomSource random) {
        this.registry = registry;
        this.log = log;
        this.clock = clock;
        this.metrics = metrics;
        this.random = random;
    }

    /**
     * @param context the request's context object (may be null)
     * @param arms the arms to choose among, or null for every active arm
     * @param maxCost arms that cost more are not candidates; null for no limit
     * @return completes once the decision is committed to the log
     */
    public CompletionStage<SelectResult> select(String policyName, JsonNode context, List<String> arms,
            Double maxCost) {
        long start = System.nanoTime();
        LivePolicy live = registry.byName(policyName)
                .orElseThrow(() -> new UnknownEntityException("policy " + policyName + " does not exist"));
        Context features = ContextCodec.decode(context, "/context");
        PolicyDefinition definition = live.definition();
        int[] candidates = affordable(definition, arms == null ? definition.active() : candidates(definition, arms),
                maxCost);
        RandomGenerator rng = random.current();
        Choice choice = live.model().choose(features, candidates, definition.costs(), rng);
        java.time.Instant now = clock.instant();
        boolean databaseAway = log.outage();
        UUID id = random.decisionId(now, databaseAway);
        String contextJson = ContextCodec.encode(features);
        DecisionBatch.Row row = new DecisionBatch.Row(id, definition.id(), choice.arm(), choice.probability(),
                contextJson, definition.version(), now);
        String arm = definition.arm(choice.arm()).id();
        SelectResult result = new SelectResult(id, policyName, arm, choice.probability(), choice.explore(),
                scores(definition, choice));
        return log.append(row, databaseAway).thenApply(written -> {
            metrics.selected(policyName, arm, System.nanoTime() - start);
            return result;
        });
    }

    private static int[] candidates(PolicyDefinition definition, List<String> arms) {
        int[] candidates = new int[arms.size()];
        for (int i = 0; i < candidates.length; i++) {
            Integer position = definition.positions().get(arms.get(i));
            if (position == null) {
                throw new UnknownEntityException("policy " + definition.name() + " has no arm " + arms.get(i));
            }
            ArmRecord arm = definition.arm(position);
            if (!arm.active()) {
                throw new UnknownEntityException("arm " + arm.id() + " of policy " + definition.name() + " is retired");
            }
            candidates[i] = position;
        }
        return candidates;
    }

    private static int[] affordable(PolicyDefinition definition, int[] candidates, Double maxCost) {
        if (maxCost == null) {
            return candidates;
        }
        int[] affordable = java.util.Arrays.stream(candidates).filter(a -> definition.costs()[a] <= maxCost).toArray();
        if (affordable.length == 0) {
            throw new UnprocessableException("no candidate arm of policy " + definition.name() + " costs at most "
                    + maxCost, "/maxCost");
        }
        return affordable;
    }

    private static Map<String, Double> scores(PolicyDefinition definition, Choice choice) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < choice.candidates().length; i++) {
            scores.put(definition.arm(choice.candidates()[i]).id(), choice.estimates()[i]);
        }
        return scores;
    }
}
