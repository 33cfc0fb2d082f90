package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AWS service model (botocore {@code service-2.json}, from {@code src/test/resources/aws-models/}): its operations
 * with their HTTP bindings, and the shapes their inputs are checked against ({@link ModelValidation}). For a
 * REST-JSON service the operations' {@code http} traits are the stand-in's route table; for a JSON 1.1 service the
 * {@code X-Amz-Target} {@code <targetPrefix>.<operation>} is.
 */
final class ServiceModel {

    private static final Map<String, ServiceModel> LOADED = new LinkedHashMap<>();
    private static final Pattern LABEL = Pattern.compile("\\{([^}+]+)(\\+?)}");

    private final String resource;
    private final JsonNode metadata;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final ObjectNode shapes;

    private ServiceModel(String resource, ObjectNode model, ObjectNode additions) {
        this.resource = resource;
        this.metadata = model.path("metadata");
        this.shapes = (ObjectNode) model.get("shapes");
        if (additions != null) {
            additions.path("shapes").properties().forEach(entry -> add(entry.getKey(), (ObjectNode) entry.getValue()));
        }
        model.path("operations").properties().forEach(entry -> operations.put(entry.getKey(),
                Operation.of(entry.getKey(), entry.getValue())));
    }

    /**
     * The model {@code aws-models/<name>.json}, with {@code aws-models/<name>.additions.json} merged in when there is
     * one (members the service gained after the model was published).
     */
    static synchronized ServiceModel named(String name) {
        return LOADED.computeIfAbsent(name, key -> new ServiceModel(key, read("aws-models/" + key + ".json"),
                readOptional("aws-models/" + key + ".additions.json")));
    }

    String targetPrefix() {
        return metadata.path("targetPrefix").asText(null);
    }

    Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** The operation whose {@code http} method and URI template match a request, with its decoded path labels. */
    Optional<Route> route(String method, String rawPath) {
        for (Operation operation : operations.values()) {
            if (!operation.method().equals(method)) {
                continue;
            }
            Matcher matcher = operation.path().matcher(rawPath);
            if (matcher.matches()) {
                Map<String, String> labels = new LinkedHashMap<>();
                for (int i = 0; i < operation.labels().size(); i++) {
                    labels.put(operation.labels().get(i), AwsRequest.urlDecode(matcher.group(i + 1)));
                }
                return Optional.of(new Route(operation, labels));
            }
        }
        return Optional.empty();
    }

    JsonNode shape(String name) {
        JsonNode shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("The model " + resource + " has no shape " + name);
        }
        return shape;
    }

    /** A new shape is added; a structure that exists gains the added members (and required names). */
    private void add(String name, ObjectNode addition) {
        JsonNode existing = shapes.get(name);
        if (existing == null) {
            shapes.set(name, addition);
            return;
        }
        ObjectNode members = (ObjectNode) existing.get("members");
        addition.path("members").properties().forEach(member -> members.set(member.getKey(), member.getValue()));
        if (addition.has("required")) {
            ArrayNode required = ((ObjectNode) existing).withArray("required");
            addition.get("required").forEach(required::add);
        }
    }

    private static ObjectNode read(String resource) {
        ObjectNode model = readOptional(resource);
        if (model == null) {
            throw new IllegalStateException("No test resource " + resource);
        }
        return model;
    }

    private static ObjectNode readOptional(String resource) {
        try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** One operation: its HTTP binding (REST services), input shape and success status. */
    record Operation(String name, String method, Pattern path, List<String> labels, String input, int responseCode) {

        static Operation of(String name, JsonNode json) {
            JsonNode http = json.path("http");
            String requestUri = http.path("requestUri").asText("/");
            int query = requestUri.indexOf('?');
            String template = query < 0 ? requestUri : requestUri.substring(0, query);
            List<String> labels = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            Matcher label = LABEL.matcher(template);
            int from = 0;
            while (label.find()) {
                regex.append(Pattern.quote(template.substring(from, label.start())));
                regex.append(label.group(2).isEmpty() ? "([^/]+)" : "(.+)");
                labels.add(label.group(1));
                from = label.end();
            }
            regex.append(Pattern.quote(template.substring(from)));
            return new Operation(name, http.path("method").asText("POST"), Pattern.compile(regex.toString()),
                    List.copyOf(labels), json.path("input").path("shape").asText(null),
                    http.path("responseCode").asInt(200));
        }
    }

    /** A request matched to an operation, with the values of the URI template's labels. */
    record Route(Operation operation, Map<String, String> labels) {
    }
}
