package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.api.UsersApi;
import com.abcdashboard.client.model.CreateUserRequest;
import com.abcdashboard.client.model.Role;
import com.abcdashboard.client.model.SortOrder;
import com.abcdashboard.client.model.UpdateUserRequest;
import com.abcdashboard.client.model.UserListResponse;
import com.abcdashboard.client.model.UserResponse;
import com.abcdashboard.client.model.UserSortField;
import com.abcdashboard.client.model.UserStatsResponse;
import com.abcdashboard.client.model.UserUpdateResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** User management through the generated Java SDK: every typed parameter and model round-trips. */
@ExtendWith(RunningService.class)
class SdkUsersE2ETest {

    private static UsersApi users(Team.Member caller) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningService.baseUri().toString());
        client.setRequestInterceptor(request -> request.header("Authorization", caller.bearer()));
        return new UsersApi(client);
    }

    @Test
    void anAdminManagesAUserWithTheSdk() throws Exception {
        UsersApi api = users(Team.signedIn("admin"));
        String email = Team.uniqueEmail("sdk");

        UserResponse created = api.createUser(
                new CreateUserRequest()
                        .email(email)
                        .firstName("Sid")
                        .lastName("Sdk")
                        .role(Role.MANAGER),
                null);
        String id = created.getData().getUser().getId();
        assertThat(created.getData().getUser().getIsFirstLogin()).isTrue();

        UserListResponse page = api.listUsers(
                null,
                1,
                5,
                Role.MANAGER,
                true,
                email,
                null,
                null,
                null,
                false,
                false,
                UserSortField.EMAIL,
                SortOrder.ASC);
        assertThat(page.getData()).extracting(u -> u.getId()).containsExactly(id);
        assertThat(page.getMeta().getPagination().getTotal()).isEqualTo(1L);

        UserUpdateResponse updated =
                api.patchUser(id, new UpdateUserRequest().role(Role.STAFF).bio("Moved"), null);
        assertThat(updated.getData().getUser().getRole()).isEqualTo(Role.STAFF);

        UserStatsResponse stats = api.getUserStats(null);
        assertThat(stats.getData().getUsersByRole().getStaff()).isPositive();

        assertThat(api.deleteUser(id, null).getData().getMessage()).isEqualTo("User deleted");
    }
}
