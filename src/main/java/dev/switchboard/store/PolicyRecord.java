package dev.switchboard.store;

import java.util.List;

/** A stored policy: its definition, not its learned state. {@code params} is a JSON object. */
public record PolicyRecord(long id, String name, String algorithm, String params, int version, List<ArmRecord> arms) {
}
