package com.abcdashboard.http;

import com.abcdashboard.api.model.CreateUserRequest;
import com.abcdashboard.api.model.MessageData;
import com.abcdashboard.api.model.MessageResponse;
import com.abcdashboard.api.model.Role;
import com.abcdashboard.api.model.SortOrder;
import com.abcdashboard.api.model.UpdateUserRequest;
import com.abcdashboard.api.model.UserData;
import com.abcdashboard.api.model.UserListResponse;
import com.abcdashboard.api.model.UserResponse;
import com.abcdashboard.api.model.UserSortField;
import com.abcdashboard.api.model.UserStatsResponse;
import com.abcdashboard.api.model.UserUpdateData;
import com.abcdashboard.api.model.UserUpdateResponse;
import com.abcdashboard.domain.Page;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserAdministration;
import com.abcdashboard.domain.user.UserQuery;
import com.abcdashboard.domain.user.UserSort;
import com.abcdashboard.mapping.PaginationMapper;
import com.abcdashboard.mapping.UserMapper;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Implements the generated {@link UsersService}: authenticates, maps DTOs to {@link UserAdministration} and back. */
public final class UsersHandler extends UsersService {
    /** The spec's maxLength of the text filters. */
    private static final int MAX_FILTER_LENGTH = 100;

    private final UserAdministration administration;
    private final RequestAuthenticator authenticator;
    private final Clock clock;
    private final UserMapper users = UserMapper.INSTANCE;

    public UsersHandler(UserAdministration administration, RequestAuthenticator authenticator, Clock clock) {
        this.administration = administration;
        this.authenticator = authenticator;
        this.clock = clock;
    }

    /** The generator orders routes by operationId, which puts {@code /{id}} before {@code /stats}. */
    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", this::getUserStats);
        super.routing(rules);
    }

    @Override
    protected void handleListUsers(
            ServerRequest request,
            ServerResponse response,
            Optional<String> correlationId,
            Optional<Integer> page,
            Optional<Integer> limit,
            Optional<Role> role,
            Optional<Boolean> isActive,
            Optional<String> search,
            Optional<String> email,
            Optional<String> username,
            Optional<String> displayName,
            Optional<Boolean> hasAvatar,
            Optional<Boolean> hasBio,
            Optional<UserSortField> sortBy,
            Optional<SortOrder> sortOrder) {
        User caller = authenticator.require(request).user();
        UserQuery query = new UserQuery(
                role.map(users::role).orElse(null),
                isActive.orElse(null),
                search.orElse(null),
                email.orElse(null),
                username.orElse(null),
                displayName.orElse(null),
                hasAvatar.orElse(null),
                hasBio.orElse(null),
                sortBy.map(UsersHandler::sort).orElse(UserSort.CREATED_AT),
                sortOrder.map(o -> o == SortOrder.ASC).orElse(false));
        Page<User> found = administration.list(
                caller, query, new PageRequest(page.orElse(1), limit.orElse(PageRequest.DEFAULT_LIMIT)));
        UserListResponse envelope = new UserListResponse(
                true,
                "Users retrieved",
                now(),
                found.items().stream().map(users::toDto).toList(),
                PaginationMapper.meta(found));
        ListUsersOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    protected void handleGetUserStats(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        UserStatsResponse envelope = new UserStatsResponse(
                true, "User statistics retrieved", now(), users.toDto(administration.stats(caller)));
        GetUserStatsOp.Response200.builder().response(envelope).send(response);
    }

    @Override
    protected void handleCreateUser(
            ServerRequest request, ServerResponse response, CreateUserRequest body, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        User created = administration.create(caller, users.toNewAccount(body), RequestAuthenticator.client(request));
        CreateUserOp.Response201.builder()
                .response(userResponse("User created", created))
                .send(response);
    }

    @Override
    protected void handleGetUser(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        GetUserOp.Response200.builder()
                .response(userResponse("User retrieved", administration.get(caller, id)))
                .send(response);
    }

    @Override
    protected void handleUpdateUser(
            ServerRequest request,
            ServerResponse response,
            String id,
            UpdateUserRequest body,
            Optional<String> correlationId) {
        UpdateUserOp.Response200.builder().response(update(request, id, body)).send(response);
    }

    @Override
    protected void handlePatchUser(
            ServerRequest request,
            ServerResponse response,
            String id,
            UpdateUserRequest body,
            Optional<String> correlationId) {
        PatchUserOp.Response200.builder().response(update(request, id, body)).send(response);
    }

    private UserUpdateResponse update(ServerRequest request, String id, UpdateUserRequest body) {
        User caller = authenticator.require(request).user();
        User updated = administration.update(caller, id, users.toUpdate(body), RequestAuthenticator.client(request));
        String message = "User updated";
        return new UserUpdateResponse(true, message, now(), new UserUpdateData(users.toDto(updated), message));
    }

    @Override
    protected void handleDeleteUser(
            ServerRequest request, ServerResponse response, String id, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        administration.delete(caller, id, RequestAuthenticator.client(request));
        String message = "User deleted";
        MessageResponse envelope = new MessageResponse(true, message, now(), new MessageData(message));
        DeleteUserOp.Response200.builder().response(envelope).send(response);
    }

    /**
     * Parses the query strictly (see {@link QueryParameters}) instead of the generated code, whose
     * parsers are lenient and whose size check fails on every optional text parameter ("type
     * java.util.Optional unrecognized for validating size").
     */
    @Override
    protected void listUsers(ServerRequest request, ServerResponse response) {
        // Who asks comes first: an anonymous request gets 401, whatever its parameters.
        authenticator.require(request);
        handleListUsers(
                request,
                response,
                Optional.empty(),
                QueryParameters.integer(request, "page", 1, Integer.MAX_VALUE, 1),
                QueryParameters.integer(request, "limit", 1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT),
                QueryParameters.oneOf(request, "role", Role.class, Role::fromValue),
                QueryParameters.bool(request, "isActive"),
                QueryParameters.text(request, "search", MAX_FILTER_LENGTH),
                QueryParameters.text(request, "email", MAX_FILTER_LENGTH),
                QueryParameters.text(request, "username", MAX_FILTER_LENGTH),
                QueryParameters.text(request, "displayName", MAX_FILTER_LENGTH),
                QueryParameters.bool(request, "hasAvatar"),
                QueryParameters.bool(request, "hasBio"),
                QueryParameters.oneOf(request, "sortBy", UserSortField.class, UserSortField::fromValue),
                QueryParameters.oneOf(request, "sortOrder", SortOrder.class, SortOrder::fromValue));
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }

    private static UserSort sort(UserSortField field) {
        return switch (field) {
            case CREATED_AT -> UserSort.CREATED_AT;
            case EMAIL -> UserSort.EMAIL;
            case USERNAME -> UserSort.USERNAME;
            case DISPLAY_NAME -> UserSort.DISPLAY_NAME;
            case LAST_LOGIN_AT -> UserSort.LAST_LOGIN_AT;
            case ROLE -> UserSort.ROLE;
        };
    }

    private UserResponse userResponse(String message, User user) {
        return new UserResponse(true, message, now(), new UserData(users.toDto(user), null));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
