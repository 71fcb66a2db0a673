package dev.switchboard.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decision ids are UUIDv7 (RFC 9562): the millisecond they were made, then 74 bits from {@link SecureRandom}. They
 * stay unguessable, they arrive in the log's index roughly in order, and an id tells how old its decision is, which
 * lets feedback for a decision that is not written yet be told apart from feedback for one that never existed.
 */
final class DecisionIds {

    /**
     * An unknown decision younger than this may still be held in the memory of the replica that made it, waiting for
     * the database (see {@link DecisionLog}): its feedback gets 503, to be retried. Older, it is unknown: 404.
     */
    static final Duration HOLD_HORIZON = Duration.ofHours(1);

    private DecisionIds() {
    }

    static UUID next(Instant now, SecureRandom secure) {
        byte[] random = new byte[16];
        secure.nextBytes(random);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (random[i] & 0xff);
            low = (low << 8) | (random[i + 8] & 0xff);
        }
        long mostSignificant = (now.toEpochMilli() << 16) | 0x7000L | (high & 0x0fffL);
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

    /** Whether feedback for this unknown decision should be retried rather than refused. */
    static boolean mayStillBeHeld(UUID id, Instant now) {
        return madeAt(id).map(made -> made.isAfter(now.minus(HOLD_HORIZON)) && !made.isAfter(now.plus(
                Duration.ofMinutes(1)))).orElse(false);
    }
}
