package dev.switchboard.learning.explore;

/** A score distribution moved by a constant: the score {@code X + shift} for {@code X} of {@code base}. */
public record ShiftedScore(ScoreDistribution base, double shift) implements ScoreDistribution {

    /** {@code base} itself when there is nothing to shift. */
    public static ScoreDistribution of(ScoreDistribution base, double shift) {
        return shift == 0 ? base : new ShiftedScore(base, shift);
    }

    @Override
    public double cdf(double s) {
        return base.cdf(s - shift);
    }

    @Override
    public double lower() {
        return base.lower() + shift;
    }

    @Override
    public double upper() {
        return base.upper() + shift;
    }

    @Override
    public double location() {
        return base.location() + shift;
    }

    @Override
    public double spread() {
        return base.spread();
    }
}
