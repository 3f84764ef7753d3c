package com.abcdashboard.mapping;

import com.abcdashboard.api.model.AuthTokensDto;
import com.abcdashboard.api.model.SessionInfoDto;
import com.abcdashboard.domain.auth.ActiveSession;
import com.abcdashboard.domain.auth.SessionTokens;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** A session's tokens as the client receives them (the session id stays on the server), and a listed session. */
@Mapper(uses = WireTime.class)
public interface SessionMapper {
    SessionMapper INSTANCE = Mappers.getMapper(SessionMapper.class);

    @Mapping(target = "expiresIn", source = "expiresInSeconds")
    AuthTokensDto toDto(SessionTokens tokens);

    SessionInfoDto toDto(ActiveSession session);
}
