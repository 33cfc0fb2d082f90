package io.github.agentcore4j.runtime;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Marks the agent's telemetry with {@code aws.service.type=gen_ai_agent}, the resource attribute CloudWatch's
 * "Bedrock AgentCore" view filters on. AgentCore Runtime sets {@code OTEL_RESOURCE_ATTRIBUTES} itself, replacing the
 * image's, so the attribute comes from here: the image names this library's jar in {@code OTEL_JAVAAGENT_EXTENSIONS},
 * and the OpenTelemetry Java agent loads it as a resource provider. Not part of the library's API.
 */
public final class AgentCoreResource implements ResourceProvider {

    static final AttributeKey<String> SERVICE_TYPE = AttributeKey.stringKey("aws.service.type");

    @Override
    public Resource createResource(ConfigProperties config) {
        return Resource.create(Attributes.of(SERVICE_TYPE, "gen_ai_agent"));
    }
}
