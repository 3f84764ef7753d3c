package com.abcdashboard.http;

import com.abcdashboard.api.model.UpdateProfileRequestDto;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Implements the generated {@link ProfileService}: {@code /api/v1/profile}, where later dashboard
 * versions read and edit the signed-in user's profile — the same operations as {@code /api/v1/auth/profile},
 * answered by the same code in {@link AuthHandler}.
 */
public final class ProfileHandler extends ProfileService {
    private final AuthHandler auth;

    public ProfileHandler(AuthHandler auth) {
        this.auth = auth;
    }

    @Override
    protected void handleGetMyProfile(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        GetMyProfileOp.Response200.builder().response(auth.profile(request)).send(response);
    }

    @Override
    protected void handleUpdateMyProfile(
            ServerRequest request,
            ServerResponse response,
            UpdateProfileRequestDto body,
            Optional<String> correlationId) {
        UpdateMyProfileOp.Response200.builder()
                .response(auth.updatedProfile(request, body))
                .send(response);
    }

    @Override
    protected void handlePatchMyProfile(
            ServerRequest request,
            ServerResponse response,
            UpdateProfileRequestDto body,
            Optional<String> correlationId) {
        PatchMyProfileOp.Response200.builder()
                .response(auth.updatedProfile(request, body))
                .send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
