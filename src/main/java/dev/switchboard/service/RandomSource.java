package dev.switchboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The service's randomness: a fast generator per thread for exploration (seeded from the OS), and unguessable,
 * time-ordered decision ids ({@link DecisionIds}). Tests of the learners pass their own seeded generators instead.
 */
@ApplicationScoped
public class RandomSource {

    // Instance fields, created when the service starts: a native image must not carry a seeded generator.
    private final SecureRandom secure = new SecureRandom();
    private final ThreadLocal<SplittableRandom> perThread =
            ThreadLocal.withInitial(() -> new SplittableRandom(secure.nextLong()));

    public RandomGenerator current() {
        return perThread.get();
    }

    /** @param databaseAway whether the decision log cannot reach the database now; the id then says so */
    public UUID decisionId(java.time.Instant now, boolean databaseAway) {
        return DecisionIds.next(now, databaseAway, secure);
    }
}
