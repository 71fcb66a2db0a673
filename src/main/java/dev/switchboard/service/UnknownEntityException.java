package dev.switchboard.service;

/** A policy, decision or arm that does not exist (404). */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String message) {
        super(message);
    }
}
