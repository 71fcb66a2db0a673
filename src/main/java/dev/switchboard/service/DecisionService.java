package dev.switchboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.learning.Choice;
import dev.switchboard.learning.encoding.Context;
import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.DecisionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Chooses an arm for a context and logs the decision before answering. */
@ApplicationScoped
public class DecisionService {

    private final PolicyRegistry registry;
    private final DecisionStore decisions;
    private final SwitchboardMetrics metrics;
    private final RandomSource random;

    DecisionService(PolicyRegistry registry, DecisionStore decisions, SwitchboardMetrics metrics, RandomSource random) {
        this.registry = registry;
        this.decisions = decisions;
        this.metrics = metrics;
        this.random = random;
    }

    /**
     * @param context the request's context object (may be null)
     * @param arms the arms to choose among, or null for every active arm
     * @param maxCost arms that cost more are not candidates; null for no limit
     */
    public SelectResult select(String policyName, JsonNode context, List<String> arms, Double maxCost) {
        long start = System.nanoTime();
        LivePolicy live = registry.byName(policyName)
                .orElseThrow(() -> new UnknownEntityException("policy " + policyName + " does not exist"));
        Context features = ContextCodec.decode(context, "/context");
        PolicyDefinition definition = live.definition();
        int[] candidates = affordable(definition, arms == null ? definition.active() : candidates(definition, arms),
                maxCost);
        RandomGenerator rng = random.current();
        Choice choice = live.model().choose(features, candidates, definition.costs(), rng);
        UUID id = random.decisionId();
        String contextJson = ContextCodec.encode(features).toString();
        QuarkusTransaction.requiringNew().run(() -> decisions.insert(id, definition.id(), choice.arm(),
                choice.probability(), contextJson, definition.version()));
        live.countDecision(choice.arm());
        String arm = definition.arm(choice.arm()).id();
        metrics.selected(policyName, arm, System.nanoTime() - start);
        return new SelectResult(id, policyName, arm, choice.probability(), choice.explore(), scores(definition, choice));
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
