package com.abcdashboard.mapping;

import com.abcdashboard.api.model.ApiKeyDto;
import com.abcdashboard.api.model.ApiKeyScopeDto;
import com.abcdashboard.api.model.CreateApiKeyRequestDto;
import com.abcdashboard.api.model.CreatedApiKeyDto;
import com.abcdashboard.domain.apikey.ApiKey;
import com.abcdashboard.domain.apikey.ApiKeyScope;
import com.abcdashboard.domain.apikey.IssuedApiKey;
import com.abcdashboard.domain.apikey.NewApiKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** API keys between the domain and the generated DTOs; scopes map by constant name, listed in a fixed order. */
@Mapper(uses = WireTime.class)
public interface ApiKeyMapper {
    ApiKeyMapper INSTANCE = Mappers.getMapper(ApiKeyMapper.class);

    ApiKeyDto toDto(ApiKey key);

    @Mapping(target = "id", source = "stored.id")
    @Mapping(target = "name", source = "stored.name")
    @Mapping(target = "scopes", source = "stored.scopes")
    @Mapping(target = "prefix", source = "stored.prefix")
    @Mapping(target = "createdAt", source = "stored.createdAt")
    @Mapping(target = "expiresAt", source = "stored.expiresAt")
    CreatedApiKeyDto toDto(IssuedApiKey issued);

    ApiKeyScopeDto toDto(ApiKeyScope scope);

    ApiKeyScope scope(ApiKeyScopeDto scope);

    default List<ApiKeyScopeDto> scopes(Collection<ApiKeyScope> scopes) {
        return scopes.stream().sorted().map(this::toDto).toList();
    }

    default NewApiKey toNewApiKey(CreateApiKeyRequestDto body) {
        List<ApiKeyScope> scopes = body.getScopes() == null
                ? List.of()
                : body.getScopes().stream().map(this::scope).toList();
        OffsetDateTime expiresAt = body.getExpiresAt();
        Instant expires = expiresAt == null ? null : expiresAt.toInstant();
        return new NewApiKey(body.getName(), scopes, expires);
    }
}
