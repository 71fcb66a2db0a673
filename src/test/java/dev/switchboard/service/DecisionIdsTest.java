package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    private final SecureRandom secure = new SecureRandom();
    private final Instant now = Instant.parse("2026-11-29T10:15:30.123Z");

    @Test
    void idsAreVersion7WithTheirMillisecondAndDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            boolean away = i % 2 == 0;
            UUID id = DecisionIds.next(now, away, secure);
            assertEquals(away, DecisionIds.madeWhileDatabaseAway(id));
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(Optional.of(now), DecisionIds.madeAt(id));
            ids.add(id);
        }
        assertEquals(10_000, ids.size());
    }

    @Test
    void laterIdsSortAfterEarlierOnes() {
        UUID earlier = DecisionIds.next(now, true, secure);
        UUID later = DecisionIds.next(now.plusMillis(1), false, secure);
        assertTrue(earlier.toString().compareTo(later.toString()) < 0);
    }

    @Test
    void onlyAYoungIdMadeWhileTheDatabaseWasAwayMayStillBeHeld() {
        assertTrue(DecisionIds.mayStillBeHeld(DecisionIds.next(now.minusSeconds(30), true, secure), now));
        assertFalse(DecisionIds.mayStillBeHeld(DecisionIds.next(now.minusSeconds(30), false, secure), now),
                "a decision made with the database up was committed before its id was returned");
        assertFalse(DecisionIds.mayStillBeHeld(DecisionIds.next(now.minus(DecisionIds.HOLD_HORIZON)
                .minus(Duration.ofSeconds(1)), true, secure), now));
        assertFalse(DecisionIds.mayStillBeHeld(DecisionIds.next(now.plus(Duration.ofDays(1)), true, secure), now));
        assertFalse(DecisionIds.mayStillBeHeld(UUID.randomUUID(), now), "a random (version 4) id is not ours");
    }
}
