package com.abcdashboard.domain.webhook;

/** Where a delivery stands: attempts remain (or one is under way), it succeeded, or it was given up. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
