package com.abcdashboard.mapping;

import com.abcdashboard.api.model.CreateUserRequestDto;
import com.abcdashboard.api.model.RoleDto;
import com.abcdashboard.api.model.UpdateProfileRequestDto;
import com.abcdashboard.api.model.UpdateUserRequestDto;
import com.abcdashboard.api.model.UserDataDto;
import com.abcdashboard.api.model.UserDto;
import com.abcdashboard.api.model.UserSortFieldDto;
import com.abcdashboard.api.model.UserStatsDto;
import com.abcdashboard.api.model.UsersByRoleDto;
import com.abcdashboard.api.model.VerifiedUserDto;
import com.abcdashboard.domain.user.NewAccount;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.Role;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.user.UserSort;
import com.abcdashboard.domain.user.UserStats;
import com.abcdashboard.domain.user.UserUpdate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * The user aggregate between the domain and the generated DTOs, both ways. Hashes, counters and lock
 * state have no target: never exposed. Requests map only to the fields each use case accepts. Enums map
 * by constant name (MapStruct's implicit value mapping, with {@code @ValueMapping} only where names would
 * differ — none do today), checked when this compiles: a constant added on one side only fails the build.
 */
@Mapper(uses = WireTime.class)
public interface UserMapper {
    UserMapper INSTANCE = Mappers.getMapper(UserMapper.class);

    @Mapping(target = "isActive", source = "active")
    @Mapping(target = "isFirstLogin", source = "firstLogin")
    UserDto toDto(User user);

    /** A user in the {@code data} of a user envelope, without tokens. */
    @Mapping(target = "user", source = "user")
    @Mapping(target = "tokens", ignore = true)
    UserDataDto toData(User user);

    @Mapping(target = "isActive", source = "active")
    VerifiedUserDto toVerifiedDto(User user);

    @Mapping(target = "totalUsers", source = "total")
    @Mapping(target = "activeUsers", source = "active")
    @Mapping(target = "inactiveUsers", source = "inactive")
    @Mapping(target = "recentUsers", source = "recent")
    @Mapping(target = "verifiedUsers", source = "verified")
    @Mapping(target = "unverifiedUsers", source = "unverified")
    @Mapping(target = "usersByRole", source = "stats")
    UserStatsDto toDto(UserStats stats);

    default UsersByRoleDto usersByRole(UserStats stats) {
        UsersByRoleDto byRole = new UsersByRoleDto();
        byRole.setAdmin(stats.withRole(Role.ADMIN));
        byRole.setManager(stats.withRole(Role.MANAGER));
        byRole.setStaff(stats.withRole(Role.STAFF));
        return byRole;
    }

    ProfileChanges toProfileChanges(UpdateProfileRequestDto request);

    ProfileChanges toProfileChanges(UpdateUserRequestDto request);

    @Mapping(target = "profile", source = "request")
    @Mapping(target = "active", source = "isActive")
    UserUpdate toUpdate(UpdateUserRequestDto request);

    NewAccount toNewAccount(CreateUserRequestDto request);

    RoleDto toDto(Role role);

    Role role(RoleDto role);

    UserSort sort(UserSortFieldDto field);
}
