package com.abcdashboard.http;

import com.abcdashboard.api.model.CreateWebhookRequestDto;
import com.abcdashboard.api.model.CreatedWebhookResponseDto;
import com.abcdashboard.api.model.UpdateWebhookRequestDto;
import com.abcdashboard.api.model.WebhookDeliveryListResponseDto;
import com.abcdashboard.api.model.WebhookDeliveryResponseDto;
import com.abcdashboard.api.model.WebhookListResponseDto;
import com.abcdashboard.api.model.WebhookResponseDto;
import com.abcdashboard.domain.PageRequest;
import com.abcdashboard.domain.user.User;
import com.abcdashboard.domain.webhook.WebhookAdministration;
import com.abcdashboard.mapping.WebhookMapper;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/** Implements the generated {@link WebhooksService}: authenticates, maps DTOs to {@link WebhookAdministration} and back. */
public final class WebhooksHandler extends WebhooksService {
    private final WebhookAdministration administration;
    private final RequestAuthenticator authenticator;
    private final Envelopes envelopes;
    private final WebhookMapper mapper = WebhookMapper.INSTANCE;

    public WebhooksHandler(
            WebhookAdministration administration, RequestAuthenticator authenticator, Envelopes envelopes) {
        this.administration = administration;
        this.authenticator = authenticator;
        this.envelopes = envelopes;
    }

    @Override
    protected void handleCreateWebhook(
            ServerRequest request,
            ServerResponse response,
            CreateWebhookRequestDto body,
            Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        CreateWebhookOp.Response201.builder()
                .response(envelopes.success(
                        CreatedWebhookResponseDto::new,
                        "Webhook created",
                        mapper.toCreatedDto(administration.create(
                                caller,
                                body.getUrl(),
                                mapper.toDomain(body.getEvents()),
                                body.getDescription(),
                                RequestAuthenticator.client(request)))))
                .send(response);
    }

    @Override
    protected void handleListWebhooks(ServerRequest request, ServerResponse response, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        ListWebhooksOp.Response200.builder()
                .response(envelopes.success(
                        WebhookListResponseDto::new,
                        "Webhooks retrieved",
                        administration.list(caller).stream().map(mapper::toDto).toList()))
                .send(response);
    }

    @Override
    protected void handleGetWebhook(
            ServerRequest request, ServerResponse response, String webhookId, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        GetWebhookOp.Response200.builder()
                .response(envelopes.success(
                        WebhookResponseDto::new,
                        "Webhook retrieved",
                        mapper.toDto(administration.get(caller, webhookId))))
                .send(response);
    }

    @Override
    protected void handleUpdateWebhook(
            ServerRequest request,
            ServerResponse response,
            String webhookId,
            UpdateWebhookRequestDto body,
            Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        UpdateWebhookOp.Response200.builder()
                .response(envelopes.success(
                        WebhookResponseDto::new,
                        "Webhook updated",
                        mapper.toDto(administration.update(
                                caller, webhookId, mapper.toChanges(body), RequestAuthenticator.client(request)))))
                .send(response);
    }

    @Override
    protected void handleDeleteWebhook(
            ServerRequest request, ServerResponse response, String webhookId, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        administration.delete(caller, webhookId, RequestAuthenticator.client(request));
        DeleteWebhookOp.Response200.builder()
                .response(envelopes.message("Webhook deleted"))
                .send(response);
    }

    @Override
    protected void handleTestWebhook(
            ServerRequest request, ServerResponse response, String webhookId, Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        TestWebhookOp.Response202.builder()
                .response(envelopes.success(
                        WebhookDeliveryResponseDto::new,
                        "Test event queued",
                        mapper.toDto(administration.test(caller, webhookId))))
                .send(response);
    }

    /**
     * Parses page and limit with {@link QueryParameters}, like the other list operations: the generated
     * validation treats the inclusive minimum as exclusive ({@code page=1} would fail).
     */
    @Override
    protected void listWebhookDeliveries(ServerRequest request, ServerResponse response) {
        User caller = authenticator.require(request).user();
        String webhookId = request.path().pathParameters().get("webhookId");
        PageRequest page = new QueryParameters(request).page();
        ListWebhookDeliveriesOp.Response200.builder()
                .response(envelopes.page(
                        WebhookDeliveryListResponseDto::new,
                        "Deliveries retrieved",
                        administration.deliveries(caller, webhookId, page),
                        mapper::toDto))
                .send(response);
    }

    /** Not reached: {@link #listWebhookDeliveries} parses the query itself; the generated class declares this. */
    @Override
    protected void handleListWebhookDeliveries(
            ServerRequest request,
            ServerResponse response,
            String webhookId,
            Optional<String> correlationId,
            Optional<Integer> page,
            Optional<Integer> limit) {
        throw new UnsupportedOperationException("listWebhookDeliveries parses its own parameters");
    }

    @Override
    protected void handleRedeliverWebhookDelivery(
            ServerRequest request,
            ServerResponse response,
            String webhookId,
            String deliveryId,
            Optional<String> correlationId) {
        User caller = authenticator.require(request).user();
        RedeliverWebhookDeliveryOp.Response202.builder()
                .response(envelopes.success(
                        WebhookDeliveryResponseDto::new,
                        "Delivery queued",
                        mapper.toDto(administration.redeliver(caller, webhookId, deliveryId))))
                .send(response);
    }

    @Override
    public void afterStop() {
        // The generated default prints to stdout; shutdown is logged by the application.
    }
}
