package dev.switchboard.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The service's randomness: a fast generator per thread for exploration (seeded from the OS), and unguessable
 * decision ids (random UUIDs, 122 bits from {@link SecureRandom}). Tests of the learners pass their own seeded
 * generators instead.
 */
@ApplicationScoped
public class RandomSource {

    private static final SecureRandom SEEDS = new SecureRandom();
    private final ThreadLocal<SplittableRandom> perThread =
            ThreadLocal.withInitial(() -> new SplittableRandom(SEEDS.nextLong()));

    public RandomGenerator current() {
        return perThread.get();
    }

    public UUID decisionId() {
        return UUID.randomUUID();
    }
}
