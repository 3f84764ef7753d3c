package com.abcdashboard.domain.user;

/** The fields a user list can be ordered by (a whitelist: nothing else reaches the database). */
public enum UserSort {
    CREATED_AT,
    EMAIL,
    USERNAME,
    DISPLAY_NAME,
    LAST_LOGIN_AT,
    ROLE
}
