package dev.switchboard.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decision ids are UUIDv7 (RFC 9562): the millisecond they were made, one flag bit, then 73 bits from
 * {@link SecureRandom}. They stay unguessable and arrive in the log's index roughly in order. The flag (the top bit of
 * the field RFC 9562 calls {@code rand_a}) marks a decision made while the database could not be reached, which may
 * be held in the memory of the instance that made it (see {@link DecisionLog}); with the time in the id, feedback for
 * such a decision can be told to retry rather than be refused as unknown.
 */
final class DecisionIds {

    /**
     * An unknown decision made while the database was away, and younger than this, may still be held by the instance
     * that made it: its feedback gets 503, to be retried. Older, it counts as lost with its instance: 404.
     */
    static final Duration HOLD_HORIZON = Duration.ofHours(1);

    private DecisionIds() {
    }

    private static final long HELD_FLAG = 0x0800L;

    /** @param databaseAway whether the decision log cannot reach the database as the decision is made */
    static UUID next(Instant now, boolean databaseAway, SecureRandom secure) {
        byte[] random = new byte[16];
        secure.nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (random[i] & 0xff);
            low = (low << 8) | (random[i + 8] & 0xff);
        }
        long mostSignificant = (now.toEpochMilli() << 16) | 0x7000L | (databaseAway ? HELD_FLAG : 0) | (high & 0x07ffL);
        long leastSignificant = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** When a decision with this id was made, if the id is one of ours (version 7). */
    static Optional<Instant> madeAt(UUID id) {
        if (id.version() != 7 || id.variant() != 2) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16));
    }

    /** Whether the id was made while the database could not be reached. */
    static boolean madeWhileDatabaseAway(UUID id) {
        return madeAt(id).isPresent() && (id.getMostSignificantBits() & HELD_FLAG) != 0;
    }

    /** Whether feedback for this unknown decision should be retried rather than refused. */
    static boolean mayStillBeHeld(UUID id, Instant now) {
        return madeWhileDatabaseAway(id) && madeAt(id).map(made -> made.isAfter(now.minus(HOLD_HORIZON))
                && !made.isAfter(now.plus(Duration.ofMinutes(1)))).orElse(false);
    }
}
