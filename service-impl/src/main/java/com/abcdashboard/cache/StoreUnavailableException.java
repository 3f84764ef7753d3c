package com.abcdashboard.cache;

/** The shared store did not answer (Redis down, timed out, refused). */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
