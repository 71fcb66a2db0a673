package dev.switchboard.service;

/** A request that conflicts with stored state, such as a second feedback for one decision (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
