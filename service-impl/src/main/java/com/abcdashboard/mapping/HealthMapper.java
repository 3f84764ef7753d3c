package com.abcdashboard.mapping;

import com.abcdashboard.api.model.DatabaseHealth;
import com.abcdashboard.api.model.HealthReport;
import com.abcdashboard.api.model.ProbeCheck;
import com.abcdashboard.api.model.ProbeReport;
import com.abcdashboard.api.model.ProbeStatus;
import com.abcdashboard.api.model.ServicesHealth;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.Probes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Health and probe results to the generated DTOs. */
@Mapper
public interface HealthMapper {
    HealthMapper INSTANCE = Mappers.getMapper(HealthMapper.class);

    @Mapping(target = "uptime", source = "uptimeSeconds")
    @Mapping(target = "services", expression = "java(services(report))")
    HealthReport toDto(HealthReporter.Report report);

    default DatabaseHealth database(HealthReporter.Database database) {
        DatabaseHealth dto = new DatabaseHealth();
        dto.setStatus(
                database.connected() ? DatabaseHealth.StatusEnum.CONNECTED : DatabaseHealth.StatusEnum.DISCONNECTED);
        database.responseTime().map(Duration::toMillis).ifPresent(dto::setResponseTime);
        return dto;
    }

    default ServicesHealth services(HealthReporter.Report report) {
        ServicesHealth dto = new ServicesHealth();
        dto.setEmail(report.email().mode());
        dto.setCache(report.cache().mode());
        return dto;
    }

    default OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    default ProbeReport toDto(Probes.ProbeResult result) {
        ProbeReport dto = new ProbeReport();
        dto.setStatus(status(result.up()));
        dto.setChecks(result.checks().stream().map(this::toDto).toList());
        return dto;
    }

    default ProbeCheck toDto(Probes.CheckResult check) {
        ProbeCheck dto = new ProbeCheck();
        dto.setName(check.name());
        dto.setStatus(status(check.up()));
        Optional.of(check.details()).filter(d -> !d.isEmpty()).map(Map::copyOf).ifPresent(dto::setData);
        return dto;
    }

    private static ProbeStatus status(boolean up) {
        return up ? ProbeStatus.UP : ProbeStatus.DOWN;
    }
}
