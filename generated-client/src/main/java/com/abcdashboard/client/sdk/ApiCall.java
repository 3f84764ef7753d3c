package com.abcdashboard.client.sdk;

import com.abcdashboard.client.ApiException;

/** One call of a generated {@code *Api} method, e.g. {@code () -> profile.getMyProfile(null)}. */
@FunctionalInterface
public interface ApiCall<T> {
    T call() throws ApiException;
}
