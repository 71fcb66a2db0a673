package dev.switchboard.store;

/** A policy's learned state after folding its feedback up to {@code ordinal}. */
public record SnapshotRecord(long ordinal, byte[] state) {
}
