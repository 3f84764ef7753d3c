package com.abcdashboard.mapping;

import com.abcdashboard.api.model.DatabaseHealthDto;
import com.abcdashboard.api.model.HealthReportDto;
import com.abcdashboard.api.model.ProbeCheckDto;
import com.abcdashboard.api.model.ProbeReportDto;
import com.abcdashboard.api.model.ProbeStatusDto;
import com.abcdashboard.api.model.ServicesHealthDto;
import com.abcdashboard.observability.HealthReporter;
import com.abcdashboard.observability.Probes;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Health and probe results to the generated DTOs. */
@Mapper(uses = WireTime.class)
public interface HealthMapper {
    HealthMapper INSTANCE = Mappers.getMapper(HealthMapper.class);

    @Mapping(target = "uptime", source = "uptimeSeconds")
    @Mapping(target = "services", expression = "java(services(report))")
    HealthReportDto toDto(HealthReporter.Report report);

    default DatabaseHealthDto database(HealthReporter.Database database) {
        DatabaseHealthDto dto = new DatabaseHealthDto();
        dto.setStatus(
                database.connected()
                        ? DatabaseHealthDto.StatusEnum.CONNECTED
                        : DatabaseHealthDto.StatusEnum.DISCONNECTED);
        database.responseTime().map(Duration::toMillis).ifPresent(dto::setResponseTime);
        return dto;
    }

    default ServicesHealthDto services(HealthReporter.Report report) {
        ServicesHealthDto dto = new ServicesHealthDto();
        dto.setEmail(report.email().mode());
        dto.setCache(report.cache().mode());
        dto.setWebhooks(report.webhooks().mode());
        return dto;
    }

    default ProbeReportDto toDto(Probes.ProbeResult result) {
        ProbeReportDto dto = new ProbeReportDto();
        dto.setStatus(status(result.up()));
        dto.setChecks(result.checks().stream().map(this::toDto).toList());
        return dto;
    }

    default ProbeCheckDto toDto(Probes.CheckResult check) {
        ProbeCheckDto dto = new ProbeCheckDto();
        dto.setName(check.name());
        dto.setStatus(status(check.up()));
        Optional.of(check.details()).filter(d -> !d.isEmpty()).map(Map::copyOf).ifPresent(dto::setData);
        return dto;
    }

    private static ProbeStatusDto status(boolean up) {
        return up ? ProbeStatusDto.UP : ProbeStatusDto.DOWN;
    }
}
