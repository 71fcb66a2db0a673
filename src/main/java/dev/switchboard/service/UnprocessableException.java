package dev.switchboard.service;

/** A well-formed request that cannot be carried out as asked (422): a reward outside [0, 1], a maxCost no arm meets. */
public class UnprocessableException extends RuntimeException {

    private final String pointer;

    /** @param pointer JSON Pointer of the offending field in the request */
    public UnprocessableException(String message, String pointer) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
