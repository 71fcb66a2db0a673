package dev.switchboard.service;

/**
 * A well-formed request that cannot be carried out as asked (422 rather than 400): a reward outside [0, 1], a maxCost
 * no arm meets.
 */
public class UnprocessableException extends InvalidInputException {

    /** @param pointer JSON Pointer of the offending field in the request */
    public UnprocessableException(String message, String pointer) {
        super(message, pointer);
    }
}
