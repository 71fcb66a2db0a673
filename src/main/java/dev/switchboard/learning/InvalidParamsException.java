package dev.switchboard.learning;

import java.util.Optional;

/** An algorithm name or param that is unknown or out of range; the message says which and why. */
public class InvalidParamsException extends IllegalArgumentException {

    private final String param;

    public InvalidParamsException(String message) {
        this(message, null);
    }

    /** @param param the name of the offending param, or null when the problem is not one param's */
    public InvalidParamsException(String message, String param) {
        super(message);
        this.param = param;
    }

    /** The name of the offending param, if the problem is one param's. */
    public Optional<String> param() {
        return Optional.ofNullable(param);
    }
}
