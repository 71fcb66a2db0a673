package dev.switchboard.learning.explore;

/**
 * Pure functions that turn per-arm scores into a {@link ProbabilityVector}: the middle step of
 * estimate → explore → sample, as in Vowpal Wabbit's exploration reductions.
 */
public final class Exploration {

    /** Scores closer than this are ties: they share the greedy probability equally. */
    static final double TIE = 1e-12;

    private Exploration() {
    }

    /** All mass on the best score; tied best scores share it equally. {@code +∞} is a valid (winning) score. */
    public static ProbabilityVector greedy(double[] scores) {
        return epsilonGreedy(scores, 0);
    }

    /**
     * {@code p(a) = ε/K + (1 − ε)·[a ∈ argmax]/|argmax|}: every arm keeps the floor {@code ε/K}.
     *
     * @param epsilon in [0, 1]
     */
    public static ProbabilityVector epsilonGreedy(double[] scores, double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        boolean[] best = argmax(scores);
        int ties = 0;
        for (boolean b : best) {
            ties += b ? 1 : 0;
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = epsilon / p.length + (best[i] ? (1 - epsilon) / ties : 0);
        }
        return ProbabilityVector.of(p);
    }

    /** Which entries hold the maximum (within {@value #TIE}); NaN scores never do unless all are NaN. */
    static boolean[] argmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (s > max) {
                max = s;
            }
        }
        boolean[] best = new boolean[scores.length];
        boolean any = false;
        for (int i = 0; i < scores.length; i++) {
            best[i] = scores[i] == max || (max != Double.POSITIVE_INFINITY && scores[i] >= max - TIE);
            any |= best[i];
        }
        if (!any) {
            java.util.Arrays.fill(best, true);
        }
        return best;
    }

    /** Index of the highest score (first on ties): the exploit choice. */
    public static int best(double[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
