package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a request against its operation's input shape in the service model, as the real service's request
 * validation does: required members, string patterns and lengths, list and map sizes, integer ranges, enums, unions,
 * blob sizes, and the JSON types. A request that breaks any of them is answered with a 400
 * {@code ValidationException} in AWS's words ({@code "2 validation errors detected: Value 'x' at 'a.b' failed to
 * satisfy constraint: Member must ...; ..."}), with {@code reason} {@code FieldValidationFailed} and a
 * {@code fieldList}. Members the model does not know are ignored, as AWS's JSON deserialisers ignore them.
 * <p>
 * Written from the model alone: it shares no code, and no rule, with the plugin's own validation.
 */
final class ModelValidation {

    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final ServiceModel model;

    ModelValidation(ServiceModel model) {
        this.model = model;
    }

    /** A violation: the member path AWS names ({@code a.b}, {@code list.1.member}) and what it fails. */
    record Violation(String path, String message) {
    }

    /** Checks a REST request's members wherever the model binds them: URI labels, query, headers and JSON body. */
    void check(ServiceModel.Route route, AwsRequest request) {
        String inputShape = route.operation().input();
        if (inputShape == null) {
            return;
        }
        List<Violation> violations = new ArrayList<>();
        JsonNode input = restInput(inputShape, route.labels(), request, violations);
        violations.addAll(violations(inputShape, input));
        throwIfAny(violations);
    }

    /** The violations of a value (a whole input, or any shape's value) against a shape, top-level members unprefixed. */
    List<Violation> violations(String shapeName, JsonNode value) {
        List<Violation> violations = new ArrayList<>();
        validate(shapeName, value, "", false, violations);
        return violations;
    }

    static void throwIfAny(List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        String message = violations.size() + (violations.size() == 1 ? " validation error detected: "
                : " validation errors detected: ")
                + violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        ObjectNode details = Json.object().put("reason", "FieldValidationFailed");
        ArrayNode fields = details.putArray("fieldList");
        violations.forEach(violation -> fields.addObject().put("name", violation.path())
                .put("message", violation.message()));
        throw new ServiceError(400, "ValidationException", message, details);
    }

    private ObjectNode restInput(String inputShape, Map<String, String> labels, AwsRequest request,
                                 List<Violation> violations) {
        JsonNode shape = model.shape(inputShape);
        String payloadMember = shape.path("payload").asText(null);
        JsonNode body = payloadMember == null ? request.json() : Json.object();
        ObjectNode input = body.isObject() ? ((ObjectNode) body).deepCopy() : Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            JsonNode binding = member.getValue();
            String location = binding.path("location").asText("");
            String wireName = binding.path("locationName").asText(name);
            JsonNode memberShape = model.shape(binding.path("shape").asText());
            switch (location) {
                case "uri" -> putText(input, name, labels.get(wireName), memberShape);
                case "header" -> putText(input, name, request.header(wireName), memberShape);
                case "querystring" -> {
                    if (memberShape.path("type").asText().equals("list")) {
                        List<String> values = request.queryValues(wireName);
                        if (!values.isEmpty()) {
                            values.forEach(input.putArray(name)::add);
                        }
                    } else {
                        putText(input, name, request.query().get(wireName), memberShape);
                    }
                }
                default -> {
                    if (name.equals(payloadMember)) {
                        checkPayload(name, memberShape, request.body(), violations);
                        input.put(name, "");
                    }
                }
            }
        }
        return input;
    }

    /**
     * The payload member is the raw body, present even when empty (REST cannot tell an empty body from none): only its
     * size (a blob's length) is checked; it stands in the input as an empty string.
     */
    private static void checkPayload(String name, JsonNode shape, byte[] body, List<Violation> violations) {
        if (shape.has("max") && body.length > shape.get("max").asLong()) {
            violations.add(new Violation(name, "Value at '" + name + "' failed to satisfy constraint: Member must"
                    + " have length less than or equal to " + shape.get("max").asLong()));
        }
    }

    /** A header, label or query value, typed as its shape says (numbers and booleans travel as text). */
    private static void putText(ObjectNode input, String name, String text, JsonNode shape) {
        if (text == null) {
            return;
        }
        String type = shape.path("type").asText();
        try {
            input.set(name, switch (type) {
                case "integer", "long" -> LongNode.valueOf(Long.parseLong(text));
                case "boolean" -> BooleanNode.valueOf(Boolean.parseBoolean(text));
                default -> TextNode.valueOf(text);
            });
        } catch (NumberFormatException e) {
            throw new ServiceError(400, "SerializationException", "Cannot read '" + text + "' as a number for " + name);
        }
    }

    private void validate(String shapeName, JsonNode value, String path, boolean sensitive, List<Violation> out) {
        JsonNode shape = model.shape(shapeName);
        boolean hidden = sensitive || shape.path("sensitive").asBoolean(false);
        String type = shape.path("type").asText();
        if (shape.path("document").asBoolean(false)) {
            return; // A document (e.g. a memory event's blob) is any JSON value, checked by nothing in the model.
        }
        if (!hasType(type, value)) {
            throw new ServiceError(400, "SerializationException", "Expected " + type + " at '" + path + "' but got "
                    + value.getNodeType().toString().toLowerCase());
        }
        switch (type) {
            case "structure" -> validateStructure(shape, value, path, hidden, out);
            case "list" -> {
                checkLength(shape, value.size(), value, path, hidden, out);
                for (int i = 0; i < value.size(); i++) {
                    validate(shape.path("member").path("shape").asText(), value.get(i),
                            join(path, (i + 1) + ".member"), hidden, out);
                }
            }
            case "map" -> {
                checkLength(shape, value.size(), value, path, hidden, out);
                List<String> keyFailures = new ArrayList<>();
                List<String> valueFailures = new ArrayList<>();
                value.properties().forEach(entry -> {
                    violations(shape.path("key").path("shape").asText(), TextNode.valueOf(entry.getKey()))
                            .forEach(violation -> keyFailures.add(constraint(violation.message())));
                    violations(shape.path("value").path("shape").asText(), entry.getValue())
                            .forEach(violation -> valueFailures.add(constraint(violation.message())));
                });
                if (!keyFailures.isEmpty()) {
                    out.add(violation(path, value, hidden, "Map keys must satisfy constraint: "
                            + keyFailures.stream().distinct().toList()));
                }
                if (!valueFailures.isEmpty()) {
                    out.add(violation(path, value, hidden, "Map value must satisfy constraint: "
                            + valueFailures.stream().distinct().toList()));
                }
            }
            case "string" -> {
                String text = value.asText();
                if (shape.has("enum")) {
                    List<String> allowed = new ArrayList<>();
                    shape.get("enum").forEach(item -> allowed.add(item.asText()));
                    if (!allowed.contains(text)) {
                        out.add(violation(path, value, hidden, "Member must satisfy enum value set: " + allowed));
                    }
                }
                checkLength(shape, text.codePointCount(0, text.length()), value, path, hidden, out);
                if (shape.has("pattern") && !pattern(shape.get("pattern").asText()).matcher(text).matches()) {
                    out.add(violation(path, value, hidden, "Member must satisfy regular expression pattern: "
                            + shape.get("pattern").asText()));
                }
            }
            case "integer", "long" -> {
                long number = value.asLong();
                if (shape.has("min") && number < shape.get("min").asLong()) {
                    out.add(violation(path, value, hidden, "Member must have value greater than or equal to "
                            + shape.get("min").asLong()));
                }
                if (shape.has("max") && number > shape.get("max").asLong()) {
                    out.add(violation(path, value, hidden, "Member must have value less than or equal to "
                            + shape.get("max").asLong()));
                }
            }
            default -> {
                // boolean, timestamp, blob, double, float: the type check above is all the model asks.
            }
        }
    }

    private void validateStructure(JsonNode shape, JsonNode value, String path, boolean hidden, List<Violation> out) {
        JsonNode members = shape.path("members");
        for (JsonNode required : shape.path("required")) {
            JsonNode member = value.get(required.asText());
            if (member == null || member.isNull()) {
                String memberPath = join(path, required.asText());
                out.add(new Violation(memberPath, "Value null at '" + memberPath
                        + "' failed to satisfy constraint: Member must not be null"));
            }
        }
        if (shape.path("union").asBoolean(false)) {
            long set = members.properties().stream().map(Map.Entry::getKey)
                    .filter(name -> value.has(name) && !value.get(name).isNull()).count();
            if (set != 1) {
                out.add(violation(path, value, hidden, "Member must have exactly one of its members set (union "
                        + members.properties().stream().map(Map.Entry::getKey).toList() + "), found " + set));
            }
        }
        value.properties().forEach(entry -> {
            JsonNode binding = members.get(entry.getKey());
            if (binding != null && !entry.getValue().isNull()) {
                validate(binding.path("shape").asText(), entry.getValue(), join(path, entry.getKey()), hidden, out);
            }
        });
    }

    private static void checkLength(JsonNode shape, long length, JsonNode value, String path, boolean hidden,
                                    List<Violation> out) {
        if (shape.has("min") && length < shape.get("min").asLong()) {
            out.add(violation(path, value, hidden, "Member must have length greater than or equal to "
                    + shape.get("min").asLong()));
        }
        if (shape.has("max") && length > shape.get("max").asLong()) {
            out.add(violation(path, value, hidden, "Member must have length less than or equal to "
                    + shape.get("max").asLong()));
        }
    }

    private static boolean hasType(String type, JsonNode value) {
        return switch (type) {
            case "structure", "map" -> value.isObject();
            case "list" -> value.isArray();
            case "string", "blob" -> value.isTextual();
            case "integer", "long" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "double", "float" -> value.isNumber();
            case "timestamp" -> value.isNumber() || value.isTextual();
            default -> true;
        };
    }

    /** AWS prints the value unless the shape, or one it sits in, is sensitive. */
    private static Violation violation(String path, JsonNode value, boolean hidden, String constraint) {
        String shown = hidden ? "Value" : "Value '" + render(value) + "'";
        return new Violation(path, shown + " at '" + path + "' failed to satisfy constraint: " + constraint);
    }

    /** Lists and maps print as AWS's Java services print them: {@code [a, b]}, {@code {k=v}}. */
    private static String render(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(render(item)));
            return items.toString();
        }
        if (value.isObject()) {
            return value.properties().stream().map(entry -> entry.getKey() + "=" + render(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value.asText();
    }

    private static String constraint(String message) {
        return message.substring(message.indexOf("failed to satisfy constraint: ") + "failed to satisfy constraint: ".length());
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
}
