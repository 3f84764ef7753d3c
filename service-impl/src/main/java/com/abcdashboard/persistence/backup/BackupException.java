package com.abcdashboard.persistence.backup;

/** A backup or restore that cannot go on: the message says why, for the operator. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
