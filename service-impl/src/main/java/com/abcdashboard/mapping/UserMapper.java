package com.abcdashboard.mapping;

import com.abcdashboard.api.model.CreateUserRequest;
import com.abcdashboard.api.model.Role;
import com.abcdashboard.api.model.UpdateProfileRequest;
import com.abcdashboard.api.model.UpdateUserRequest;
import com.abcdashboard.api.model.User;
import com.abcdashboard.api.model.UserStats;
import com.abcdashboard.api.model.UsersByRole;
import com.abcdashboard.api.model.VerifiedUser;
import com.abcdashboard.domain.user.ProfileChanges;
import com.abcdashboard.domain.user.UserAdministration;
import com.abcdashboard.domain.user.UserUpdate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/**
 * The user aggregate between the domain and the generated DTOs, both ways. Hashes, counters and lock
 * state have no target: never exposed. Requests map only to the fields each use case accepts.
 */
@Mapper
public interface UserMapper {
    UserMapper INSTANCE = Mappers.getMapper(UserMapper.class);

    @Mapping(target = "isActive", source = "active")
    @Mapping(target = "isFirstLogin", source = "firstLogin")
    User toDto(com.abcdashboard.domain.user.User user);

    @Mapping(target = "isActive", source = "active")
    VerifiedUser toVerifiedDto(com.abcdashboard.domain.user.User user);

    @Mapping(target = "totalUsers", source = "total")
    @Mapping(target = "activeUsers", source = "active")
    @Mapping(target = "inactiveUsers", source = "inactive")
    @Mapping(target = "recentUsers", source = "recent")
    @Mapping(target = "verifiedUsers", source = "verified")
    @Mapping(target = "unverifiedUsers", source = "unverified")
    @Mapping(target = "usersByRole", source = "stats")
    UserStats toDto(com.abcdashboard.domain.user.UserStats stats);

    default UsersByRole usersByRole(com.abcdashboard.domain.user.UserStats stats) {
        UsersByRole byRole = new UsersByRole();
        byRole.setAdmin(stats.withRole(com.abcdashboard.domain.user.Role.ADMIN));
        byRole.setManager(stats.withRole(com.abcdashboard.domain.user.Role.MANAGER));
        byRole.setStaff(stats.withRole(com.abcdashboard.domain.user.Role.STAFF));
        return byRole;
    }

    ProfileChanges toProfileChanges(UpdateProfileRequest request);

    ProfileChanges toProfileChanges(UpdateUserRequest request);

    default UserUpdate toUpdate(UpdateUserRequest request) {
        return new UserUpdate(
                toProfileChanges(request),
                request.getRole() == null ? null : role(request.getRole()),
                request.getIsActive());
    }

    UserAdministration.NewAccount toNewAccount(CreateUserRequest request);

    default Role role(com.abcdashboard.domain.user.Role role) {
        return role == null ? null : Role.fromValue(role.id());
    }

    default com.abcdashboard.domain.user.Role role(Role role) {
        return role == null
                ? null
                : com.abcdashboard.domain.user.Role.parse(role.getValue()).orElseThrow();
    }

    default OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
