package io.github.agentcore4j.it.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends JSON members the SDK 2.40.2 does not model (platformVersion, hooksConfiguration, allowedPorts, ...) through
 * the real SDK client: the members set for an operation are merged into its JSON body before the SDK signs it, and
 * the raw JSON answer of every call is kept, so a test reads back what the SDK's response classes drop. Test code:
 * the plugin has its own mechanism.
 */
final class ExtraMembers implements ExecutionInterceptor {

    private final Map<String, ObjectNode> membersByOperation = new HashMap<>();
    private final Map<String, JsonNode> lastAnswers = new HashMap<>();

    /** Merges these members into the next and every later request body of {@code operation}. */
    synchronized ExtraMembers add(String operation, ObjectNode members) {
        membersByOperation.computeIfAbsent(operation, name -> Json.object()).setAll(members);
        return this;
    }

    synchronized void clear() {
        membersByOperation.clear();
    }

    /** The raw JSON body of the last answer to {@code operation}. */
    synchronized JsonNode lastAnswer(String operation) {
        return lastAnswers.get(operation);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return merged(context, attributes).map(body -> context.httpRequest().toBuilder()
                .putHeader("Content-Length", String.valueOf(body.length)).build()).orElse(context.httpRequest());
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Optional<byte[]> body = merged(context, attributes);
        return body.isPresent() ? body.map(RequestBody::fromBytes) : context.requestBody();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Optional<InputStream> content = context.responseBody();
        String type = context.httpResponse().firstMatchingHeader("Content-Type").orElse("");
        if (content.isEmpty() || !type.startsWith("application/json")) {
            return content;
        }
        try (InputStream in = content.get()) {
            byte[] bytes = in.readAllBytes();
            synchronized (this) {
                lastAnswers.put(operation, bytes.length == 0 ? Json.object() : Json.MAPPER.readTree(bytes));
            }
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<byte[]> merged(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ObjectNode members;
        synchronized (this) {
            members = membersByOperation.get(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
        if (members == null || context.requestBody().isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = context.requestBody().get().contentStreamProvider().newStream()) {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(in);
            body.setAll(members.deepCopy());
            return Optional.of(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
