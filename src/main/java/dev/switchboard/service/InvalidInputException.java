package dev.switchboard.service;

/** A request that is malformed or breaks a rule of the contract (400). {@code pointer} is the JSON Pointer of the offending value, or null. */
public class InvalidInputException extends RuntimeException {

    private final String pointer;

    public InvalidInputException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
