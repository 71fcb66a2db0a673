package dev.switchboard.service;

/** A well-formed reward outside [0, 1] (422). */
public class RewardOutOfRangeException extends RuntimeException {

    public RewardOutOfRangeException(String message) {
        super(message);
    }
}
