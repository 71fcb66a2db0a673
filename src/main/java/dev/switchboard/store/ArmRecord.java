package dev.switchboard.store;

/**
 * One arm of a stored policy.
 *
 * @param position its fixed index in the learner
 * @param cost price of one call, or null when unknown
 * @param metadata the arm object's other fields as a JSON object, or null
 */
public record ArmRecord(int position, String id, Double cost, String metadata, boolean active) {
}
