package com.abcdashboard.mapping;

import com.abcdashboard.api.model.AuditActionDto;
import com.abcdashboard.api.model.AuditEntryDto;
import com.abcdashboard.domain.audit.AuditAction;
import com.abcdashboard.domain.audit.AuditEvent;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** The audit aggregate between the domain and the generated DTOs; actions map by constant name. */
@Mapper(uses = WireTime.class)
public interface AuditMapper {
    AuditMapper INSTANCE = Mappers.getMapper(AuditMapper.class);

    @Mapping(target = "timestamp", source = "at")
    @Mapping(target = "ipAddress", source = "client.ipAddress")
    @Mapping(target = "userAgent", source = "client.userAgent")
    @Mapping(target = "correlationId", source = "client.correlationId")
    @Mapping(target = "apiKeyId", source = "client.apiKey.id")
    @Mapping(target = "apiKeyPrefix", source = "client.apiKey.prefix")
    AuditEntryDto toDto(AuditEvent event);

    AuditActionDto toDto(AuditAction action);

    AuditAction action(AuditActionDto action);
}
