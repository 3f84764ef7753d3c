package com.abcdashboard.mapping;

import com.abcdashboard.api.model.AuthTokensDto;
import com.abcdashboard.domain.auth.SessionTokens;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** A session's tokens as the client receives them; the session id stays on the server. */
@Mapper
public interface SessionMapper {
    SessionMapper INSTANCE = Mappers.getMapper(SessionMapper.class);

    @Mapping(target = "expiresIn", source = "expiresInSeconds")
    AuthTokensDto toDto(SessionTokens tokens);
}
