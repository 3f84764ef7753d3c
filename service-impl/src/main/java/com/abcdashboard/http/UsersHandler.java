package com.abcdashboard.http;

import com.abcdashboard.api.model.CreateUserRequestDto;
import com.abcdashboard.api.model.RoleDto;
import com.abcdashboard.api.model.SortOrderDto;
import com.abcdashboard.api.model.UpdateUserRequestDto;
import com.abcdashboard.api.model.UserListResponseDto;
import com.abcdashboard.api.model.UserResponseDto;
import com.abcdashboard.api.model.UserSortFieldDto;
import com.abcdashboard.api.model.UserStatsResponseDto;
import com.abcdashboard.api.model.UserUpdateDataDto;
import com.abcdashboard.api.model.UserUpdateResponseDto;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.admin.UserAdministration;
import com.abcdashboard.domain.apikey.ApiKeyScope;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.mapping.UserMapper;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Implements the generated {@link UsersService}: authenticates, maps DTOs to {@link UserAdministration} and back. */
public final class UsersHandler extends UsersService {
    /** The spec's maxLength of the text filters. */
    private static final int MAX_FILTER_LENGTH = 100;

    private final UserAdministration administration;
    private final ScopedAuthenticator authenticator;
    private final Envelopes envelopes;
    private final UserMapper users = UserMapper.INSTANCE;

    public UsersHandler(UserAdministration administration, ScopedAuthenticator authenticator, Envelopes envelopes) {
        this.administration = administration;
        this.authenticator = authenticator;
        this.envelopes = envelopes;
    }

    /** The generator orders routes by operationId, which puts {@code /{id}} before {@code /stats}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", this::getUserStats);
        super.routing(rules);
    }

    /**
     * Parses the query straight into {@link UserQuery} and {@link PageRequest} (see {@link
     * QueryParameters}) instead of the generated code, whose parsers are lenient and whose size check fails
     * on every optional text parameter ("type java.util.Optional unrecognized for validating size").
     */
    @Override
    protected void listUsers(ServerRequest request, ServerResponse response) {
        // Who asks comes first: an anonymous request gets 401, whatever its parameters.
        User caller = authenticator.caller(request, ApiKeyScope.USERS_READ);
        QueryParameters parameters = new QueryParameters(request);
        PageRequest page = parameters.page();
        UserQuery query = new UserQuery(
                users.role(parameters.oneOf("role", RoleDto.class, RoleDto::fromValue)),
                parameters.bool("isActive"),
                parameters.text("search", MAX_FILTER_LENGTH),
                parameters.text("email", MAX_FILTER_LENGTH),
                parameters.text("username", MAX_FILTER_LENGTH),
                parameters.text("displayName", MAX_FILTER_LENGTH),
                parameters.bool("hasAvatar"),
                parameters.bool("hasBio"),
                users.sort(parameters.oneOf("sortBy", UserSortFieldDto.class, UserSortFieldDto::fromValue)),
                parameters.oneOf("sortOrder", SortOrderDto.class, SortOrderDto::fromValue) == SortOrderDto.ASC);
        ListUsersOp.Response200.builder()
                .response(envelopes.page(
                        UserListResponseDto::new,
                        "Users retrieved",
                        administration.list(caller, query, page),
                        users::toDto))
                .send(response);
    }

    /** Not reached: {@link #listUsers} parses the query itself; the generated class declares this. */
    @Override
    protected void handleListUsers(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<Integer> page,
            Optional<Integer> limit,
            Optional<RoleDto> role,
            Optional<Boolean> isActive,
            Optional<String> search,
            Optional<String> email,
            Optional<String> username,
            Optional<String> displayName,
            Optional<Boolean> hasAvatar,
            Optional<Boolean> hasBio,
            Optional<UserSortFieldDto> sortBy,
            Optional<SortOrderDto> sortOrder) {
        throw new UnsupportedOperationException("listUsers parses its own parameters");
    }

    @Override
    protected void handleGetUserStats(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        User caller = authenticator.caller(request, ApiKeyScope.USERS_READ);
        GetUserStatsOp.Response200.builder()
                .response(envelopes.success(
                        UserStatsResponseDto::new,
                        "User statistics retrieved",
                        users.toDto(administration.stats(caller))))
                .send(response);
    }

    @Override
    protected void handleCreateUser(
            ServerRequest request, ServerResponse response, CreateUserRequestDto body, Optional<String> correlationId) {
        User caller = authenticator.caller(request, ApiKeyScope.USERS_WRITE);
        User created = administration.create(caller, users.toNewAccount(body), RequestAuthenticator.client(request));
        CreateUserOp.Response201.builder()
                .response(envelopes.success(UserResponseDto::new, "User created", users.toData(created)))
                .send(response);
    }

    @Override
    protected void handleGetUser(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        User caller = authenticator.caller(request, ApiKeyScope.USERS_READ);
        GetUserOp.Response200.builder()
                .response(envelopes.success(
                        UserResponseDto::new, "User retrieved", users.toData(administration.get(caller, id))))
                .send(response);
    }

    @Override
    protected void handleUpdateUser(
            ServerRequest request,
            ServerResponse response,
            String id,
            UpdateUserRequestDto body,
            Optional<String> correlationId) {
        UpdateUserOp.Response200.builder().response(update(request, id, body)).send(response);
    }

    @Override
    protected void handlePatchUser(
            ServerRequest request,
            ServerResponse response,
            String id,
            UpdateUserRequestDto body,
            Optional<String> correlationId) {
        PatchUserOp.Response200.builder().response(update(request, id, body)).send(response);
    }

    private UserUpdateResponseDto update(ServerRequest request, String id, UpdateUserRequestDto body) {
        User caller = authenticator.caller(request, ApiKeyScope.USERS_WRITE);
        User updated = administration.update(caller, id, users.toUpdate(body), RequestAuthenticator.client(request));
        String message = "User updated";
        return envelopes.success(
                UserUpdateResponseDto::new, message, new UserUpdateDataDto(users.toDto(updated), message));
    }

    @Override
    protected void handleDeleteUser(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        User caller = authenticator.caller(request, ApiKeyScope.USERS_WRITE);
        administration.delete(caller, id, RequestAuthenticator.client(request));
        DeleteUserOp.Response200.builder()
                .response(envelopes.message("User deleted"))
                .send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
