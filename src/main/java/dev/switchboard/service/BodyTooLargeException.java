package dev.switchboard.service;

/** A request body over the configured limit (413). */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(String message) {
        super(message);
    }
}
