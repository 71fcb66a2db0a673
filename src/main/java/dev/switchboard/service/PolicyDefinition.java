package dev.switchboard.service;

import dev.switchboard.learning.PolicyConfig;
import dev.switchboard.store.ArmRecord;
import dev.switchboard.store.PolicyRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition of a live policy at one version: immutable, swapped as a whole on a PUT.
 *
 * @param active the positions of the arms that may be chosen
 * @param costs the cost of each arm by position (0 where none was given)
 */
record PolicyDefinition(long id, String name, PolicyConfig config, int version, List<ArmRecord> arms,
        Map<String, Integer> positions, int[] active, double[] costs) {

    static PolicyDefinition of(PolicyRecord record, PolicyConfig config) {
        Map<String, Integer> positions = new HashMap<>();
        for (ArmRecord arm : record.arms()) {
            positions.put(arm.id(), arm.position());
        }
        int[] active = record.arms().stream().filter(ArmRecord::active).mapToInt(ArmRecord::position).toArray();
        double[] costs = new double[record.arms().size()];
        for (ArmRecord arm : record.arms()) {
            costs[arm.position()] = arm.cost() == null ? 0 : arm.cost();
        }
        return new PolicyDefinition(record.id(), record.name(), config, record.version(), List.copyOf(record.arms()),
                Map.copyOf(positions), active, costs);
    }

    ArmRecord arm(int position) {
        return arms.get(position);
    }
}
