package com.abcdashboard.mapping;

import com.abcdashboard.api.model.CreatedWebhookDto;
import com.abcdashboard.api.model.UpdateWebhookRequestDto;
import com.abcdashboard.api.model.WebhookDeliveryDto;
import com.abcdashboard.api.model.WebhookDto;
import com.abcdashboard.api.model.WebhookEventTypeDto;
import com.abcdashboard.domain.user.UserEventType;
import com.abcdashboard.domain.webhook.Webhook;
import com.abcdashboard.domain.webhook.WebhookChanges;
import com.abcdashboard.domain.webhook.WebhookDelivery;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.factory.Mappers;

/**
 * Webhook endpoints and deliveries between the domain and the generated DTOs. The secret maps only into
 * {@link CreatedWebhookDto}, the answer to a creation. Event types map by constant name.
 */
@Mapper(uses = WireTime.class)
public interface WebhookMapper {
    WebhookMapper INSTANCE = Mappers.getMapper(WebhookMapper.class);

    WebhookDto toDto(Webhook webhook);

    CreatedWebhookDto toCreatedDto(Webhook webhook);

    WebhookDeliveryDto toDto(WebhookDelivery delivery);

    WebhookChanges toChanges(UpdateWebhookRequestDto request);

    UserEventType toDomain(WebhookEventTypeDto type);

    WebhookEventTypeDto toDto(UserEventType type);

    default Set<UserEventType> toDomain(Set<WebhookEventTypeDto> types) {
        return types == null ? null : types.stream().map(this::toDomain).collect(Collectors.toSet());
    }

    /** In the spec's order, so lists read the same every time. */
    default List<WebhookEventTypeDto> toDto(Set<UserEventType> types) {
        return types.stream().sorted(Comparator.naturalOrder()).map(this::toDto).toList();
    }
}
