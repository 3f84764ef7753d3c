package com.abcdashboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.client.ApiClient;
import com.abcdashboard.client.api.UsersApi;
import com.abcdashboard.client.model.CreateUserRequestDto;
import com.abcdashboard.client.model.RoleDto;
import com.abcdashboard.client.model.SortOrderDto;
import com.abcdashboard.client.model.UpdateUserRequestDto;
import com.abcdashboard.client.model.UserListResponseDto;
import com.abcdashboard.client.model.UserResponseDto;
import com.abcdashboard.client.model.UserSortFieldDto;
import com.abcdashboard.client.model.UserStatsResponseDto;
import com.abcdashboard.client.model.UserUpdateResponseDto;
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

        UserResponseDto created = api.createUser(
                new CreateUserRequestDto()
                        .email(email)
                        .firstName("Sid")
                        .lastName("Sdk")
                        .role(RoleDto.MANAGER),
                null);
        String id = created.getData().getUser().getId();
        assertThat(created.getData().getUser().getIsFirstLogin()).isTrue();

        UserListResponseDto page = api.listUsers(
                null,
                1,
                5,
                RoleDto.MANAGER,
                true,
                email,
                null,
                null,
                null,
                false,
                false,
                UserSortFieldDto.EMAIL,
                SortOrderDto.ASC);
        assertThat(page.getData()).extracting(u -> u.getId()).containsExactly(id);
        assertThat(page.getMeta().getPagination().getTotal()).isEqualTo(1L);

        UserUpdateResponseDto updated =
                api.patchUser(id, new UpdateUserRequestDto().role(RoleDto.STAFF).bio("Moved"), null);
        assertThat(updated.getData().getUser().getRole()).isEqualTo(RoleDto.STAFF);

        UserStatsResponseDto stats = api.getUserStats(null);
        assertThat(stats.getData().getUsersByRole().getStaff()).isPositive();

        assertThat(api.deleteUser(id, null).getData().getMessage()).isEqualTo("User deleted");
    }
}
