package dev.switchboard.learning;

/** An algorithm name or param that is unknown or out of range; the message says which and why. */
public class InvalidParamsException extends IllegalArgumentException {

    public InvalidParamsException(String message) {
        super(message);
    }
}
