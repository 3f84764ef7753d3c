package com.abcdashboard.mapping;

import com.abcdashboard.api.model.Role;
import com.abcdashboard.api.model.User;
import com.abcdashboard.api.model.VerifiedUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Domain users to the generated DTOs. Hashes, counters and lock state have no target: never exposed. */
@Mapper
public interface UserMapper {
    UserMapper INSTANCE = Mappers.getMapper(UserMapper.class);

    @Mapping(target = "isActive", source = "active")
    @Mapping(target = "isFirstLogin", source = "firstLogin")
    User toDto(com.abcdashboard.domain.user.User user);

    @Mapping(target = "isActive", source = "active")
    VerifiedUser toVerifiedDto(com.abcdashboard.domain.user.User user);

    default Role role(com.abcdashboard.domain.user.Role role) {
        return Role.fromValue(role.id());
    }

    default OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
