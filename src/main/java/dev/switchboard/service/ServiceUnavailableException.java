package dev.switchboard.service;

/** The service cannot take the request right now (503, with Retry-After); nothing was stored. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
