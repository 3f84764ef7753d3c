package com.abcdashboard.mapping;

import com.abcdashboard.api.model.AuditAction;
import com.abcdashboard.api.model.AuditEntry;
import com.abcdashboard.domain.audit.AuditEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** The audit aggregate between the domain and the generated DTOs. */
@Mapper
public interface AuditMapper {
    AuditMapper INSTANCE = Mappers.getMapper(AuditMapper.class);

    @Mapping(target = "timestamp", source = "at")
    @Mapping(target = "ipAddress", source = "client.ipAddress")
    @Mapping(target = "userAgent", source = "client.userAgent")
    @Mapping(target = "correlationId", source = "client.correlationId")
    AuditEntry toDto(AuditEvent event);

    default AuditAction action(com.abcdashboard.domain.audit.AuditAction action) {
        return action == null ? null : AuditAction.fromValue(action.id());
    }

    default com.abcdashboard.domain.audit.AuditAction action(AuditAction action) {
        return action == null
                ? null
                : com.abcdashboard.domain.audit.AuditAction.parse(action.getValue())
                        .orElseThrow();
    }

    default OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
