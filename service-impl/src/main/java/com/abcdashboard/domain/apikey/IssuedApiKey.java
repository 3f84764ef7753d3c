package com.abcdashboard.domain.apikey;

/** A key just created: the stored record and the key itself, which exists only in this answer. */
public record IssuedApiKey(ApiKey stored, String key) {
    @Override
    public String toString() {
        return "IssuedApiKey[" + stored + ", key=***]";
    }
}
