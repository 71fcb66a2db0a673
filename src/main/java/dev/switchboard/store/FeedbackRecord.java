package dev.switchboard.store;

/** One acknowledged reward in a policy's fold order. {@code context} is the decision's JSON context. */
public record FeedbackRecord(long ordinal, int armPosition, double reward, String context) {
}
