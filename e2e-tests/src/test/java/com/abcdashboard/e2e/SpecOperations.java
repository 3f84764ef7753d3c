package com.abcdashboard.e2e;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The spec's operations as the fuzz campaign needs them: route, security, query parameters, body fields. */
final class SpecOperations {

    /** A body field or query parameter and the constraints the spec states for it. */
    record Field(
            String name,
            String type,
            boolean required,
            List<String> allowed,
            Integer minLength,
            Integer maxLength,
            String pattern,
            String format) {
        boolean isEmail() {
            return "email".equals(format);
        }

        /** Whether the spec states a limit that a value can break (what a poison is made of). */
        boolean isConstrained() {
            return "boolean".equals(type)
                    || !allowed.isEmpty()
                    || isEmail()
                    || pattern != null
                    || (minLength != null && minLength > 0)
                    || maxLength != null;
        }
    }

    record SpecOperation(
            String id,
            String method,
            String path,
            boolean secured,
            List<Field> query,
            boolean hasPathId,
            Optional<List<Field>> body,
            boolean bodyRequired) {

        List<Field> bodyFields() {
            return body.orElse(List.of());
        }

        boolean isRead() {
            return Set.of("GET", "HEAD").contains(method);
        }
    }

    private SpecOperations() {}

    static List<SpecOperation> read(Path specFile) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().read(specFile.toUri().toString(), null, options);
        List<SpecOperation> operations = new ArrayList<>();
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                operations.add(operation(path, entry.getKey().name(), entry.getValue()));
            }
        });
        return List.copyOf(operations);
    }

    private static SpecOperation operation(String path, String method, Operation operation) {
        List<Parameter> parameters =
                Optional.ofNullable(operation.getParameters()).orElse(List.of());
        List<Field> query = parameters.stream()
                .filter(p -> "query".equals(p.getIn()))
                .map(p -> field(p.getName(), p.getSchema(), Boolean.TRUE.equals(p.getRequired())))
                .toList();
        boolean hasPathId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        Optional<List<Field>> body = Optional.ofNullable(operation.getRequestBody())
                .map(b -> b.getContent().get("application/json").getSchema())
                .map(SpecOperations::fields);
        boolean bodyRequired = operation.getRequestBody() != null
                && Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        boolean secured = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> !requirement.isEmpty());
        return new SpecOperation(
                operation.getOperationId(), method, path, secured, query, hasPathId, body, bodyRequired);
    }

    private static List<Field> fields(Schema<?> object) {
        List<String> required = Optional.ofNullable(object.getRequired()).orElse(List.of());
        List<Field> fields = new ArrayList<>();
        Optional.ofNullable(object.getProperties())
                .orElse(Map.of())
                .forEach((name, schema) -> fields.add(field(name, schema, required.contains(name))));
        return List.copyOf(fields);
    }

    private static Field field(String name, Schema<?> schema, boolean required) {
        List<String> allowed = Optional.ofNullable(schema.getEnum()).orElse(List.of()).stream()
                .map(String::valueOf)
                .toList();
        return new Field(
                name,
                schema.getType() == null ? "string" : schema.getType(),
                required,
                allowed,
                schema.getMinLength(),
                schema.getMaxLength(),
                schema.getPattern(),
                schema.getFormat());
    }
}
