package io.github.agentcore4j.maven.core.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.utils.IoUtils;

/**
 * Sends and reads JSON members the pinned SDK does not model (AgentCore's 2026 fields such as
 * {@code platformVersion}): a request carries extra members in its override configuration, which this interceptor
 * merges into the JSON body after marshalling and before signing, so SigV4 covers the bytes sent; a request may also
 * carry a sink that receives the raw JSON answer, read before the SDK drops the members it does not know.
 */
public final class JsonMembers implements ExecutionInterceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutionAttribute<ObjectNode> EXTRA = new ExecutionAttribute<>("agentcore4j.extraMembers");
    private static final ExecutionAttribute<AtomicReference<JsonNode>> ANSWER =
            new ExecutionAttribute<>("agentcore4j.rawAnswer");
    private static final ExecutionAttribute<byte[]> MERGED_BODY = new ExecutionAttribute<>("agentcore4j.mergedBody");

    /** An override that merges {@code members} into the request's JSON body (objects merge member by member). */
    public static AwsRequestOverrideConfiguration adding(ObjectNode members) {
        return AwsRequestOverrideConfiguration.builder().putExecutionAttribute(EXTRA, members).build();
    }

    /** An override that puts the raw JSON answer into {@code answer}. */
    public static AwsRequestOverrideConfiguration keepingAnswer(AtomicReference<JsonNode> answer) {
        return AwsRequestOverrideConfiguration.builder().putExecutionAttribute(ANSWER, answer).build();
    }

    /** A new empty JSON object to fill with members. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Runs first (the SDK asks for the content before the request): merges and keeps the new body. */
    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        ObjectNode extra = attributes.getAttribute(EXTRA);
        if (extra == null || extra.isEmpty()) {
            return context.requestBody();
        }
        byte[] body = merged(context.requestBody().map(JsonMembers::bytes).orElse(new byte[0]), extra);
        attributes.putAttribute(MERGED_BODY, body);
        return Optional.of(RequestBody.fromBytes(body));
    }

    /** Makes Content-Length fit the merged body. */
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        byte[] merged = attributes.getAttribute(MERGED_BODY);
        return merged == null ? context.httpRequest() : context.httpRequest().toBuilder()
                .putHeader("Content-Length", Integer.toString(merged.length)).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        AtomicReference<JsonNode> answer = attributes.getAttribute(ANSWER);
        if (answer == null || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        try {
            byte[] body = IoUtils.toByteArray(context.responseBody().get());
            if (context.httpResponse().isSuccessful() && body.length > 0) {
                answer.set(JSON.readTree(body));
            }
            return Optional.of(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the answer of " + context.request().getClass()
                    .getSimpleName(), e);
        }
    }

    /** The JSON body with {@code extra} merged in; members of nested objects merge, anything else replaces. */
    static byte[] merged(byte[] body, ObjectNode extra) {
        try {
            JsonNode parsed = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            ObjectNode target = parsed instanceof ObjectNode object ? object : JSON.createObjectNode();
            merge(target, extra);
            return JSON.writeValueAsBytes(target);
        } catch (IOException e) {
            throw new UncheckedIOException("The request body is not JSON", e);
        }
    }

    private static void merge(ObjectNode target, ObjectNode extra) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = extra.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue() instanceof ObjectNode nested && target.get(field.getKey()) instanceof ObjectNode into) {
                merge(into, nested);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static byte[] bytes(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return IoUtils.toByteArray(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }
}
