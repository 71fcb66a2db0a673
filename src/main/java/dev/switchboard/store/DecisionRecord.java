package dev.switchboard.store;

import java.util.UUID;

/** A logged decision, as feedback needs it. {@code context} is the canonical JSON of the context that was decoded. */
public record DecisionRecord(UUID id, long policyId, int armPosition, String context) {
}
