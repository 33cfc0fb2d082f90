package io.github.agentcore4j.maven.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    private static AgentSettings.Builder defaults() {
        return AgentSettings.builder().agentName(null, "demo-agent");
    }

    private static InvalidSettingException rejected(UnaryOperator<AgentSettings.Builder> settings) {
        return assertThrows(InvalidSettingException.class, () -> settings.apply(defaults()).build());
    }

    @Test
    void defaultsAreAPublicHttpAgentNamedAfterTheArtifact() {
        AgentSettings settings = defaults().build();

        assertEquals("demo_agent", settings.name().value());
        assertEquals(Protocol.HTTP, settings.protocol());
        assertEquals(NetworkMode.PUBLIC, settings.network().mode());
        assertNull(settings.region());
        assertNull(settings.jwtAuthorizer());
        assertEquals(Map.of(), settings.environment());
    }

    @Test
    void eachProtocolHasTheContractPort() {
        assertEquals(8080, Protocol.HTTP.port());
        assertEquals(8000, Protocol.MCP.port());
        assertEquals(9000, Protocol.A2A.port());
        assertEquals(8080, Protocol.AGUI.port());
        assertEquals(Protocol.MCP, defaults().protocol("mcp").build().protocol());
        assertEquals(Protocol.AGUI, defaults().protocol("agui").build().protocol());
    }

    @Test
    void namesTheProtocolsThatExist() {
        assertEquals("Invalid setting <protocol> (-Dagentcore.protocol): 'GRPC' is not a protocol AgentCore Runtime "
                + "serves. Fix: use one of HTTP, MCP, A2A, AGUI.", rejected(b -> b.protocol("GRPC")).getMessage());
    }

    @Test
    void acceptsLifecycleBoundsAndRejectsValuesOutsideThem() {
        Lifecycle lifecycle = defaults().lifecycle(60, 28800).build().lifecycle();
        assertEquals(60, lifecycle.idleRuntimeSessionTimeout());
        assertEquals(28800, lifecycle.maxLifetime());

        assertEquals("Invalid setting <idleRuntimeSessionTimeout> (-Dagentcore.idleRuntimeSessionTimeout): it is 59 s,"
                + " outside 60..28800 s. Fix: set a number of seconds from 60 to 28800.",
                rejected(b -> b.lifecycle(59, null)).getMessage());
        assertEquals("maxLifetime", rejected(b -> b.lifecycle(null, 28801)).parameter());
    }

    @Test
    void maxLifetimeMustNotBeShorterThanTheIdleTimeout() {
        assertEquals("Invalid setting <maxLifetime> (-Dagentcore.maxLifetime): it is 600 s, shorter than "
                + "idleRuntimeSessionTimeout (900 s). Fix: make maxLifetime at least 900 or lower "
                + "idleRuntimeSessionTimeout.", rejected(b -> b.lifecycle(900, 600)).getMessage());
    }

    @Test
    void vpcNeedsSecurityGroupsAndSubnets() {
        Network network = defaults().network("vpc", List.of("sg-11111111"), List.of("subnet-11111111", "subnet-22222222")).build().network();
        assertEquals(NetworkMode.VPC, network.mode());
        assertEquals(List.of("subnet-11111111", "subnet-22222222"), network.subnets());

        InvalidSettingException missing = rejected(b -> b.network("VPC", List.of("sg-11111111"), List.of()));
        assertEquals("subnets", missing.parameter());
        assertEquals("Invalid setting <subnets> (-Dagentcore.subnets): networkMode is VPC but no subnets are set. "
                + "Fix: list the subnets (subnet-...) the agent runs in, comma-separated on the command line.",
                missing.getMessage());
        assertEquals("securityGroups", rejected(b -> b.network("VPC", List.of("subnet-11111111"), List.of("subnet-11111111")))
                .parameter());
    }

    @Test
    void publicNetworkTakesNoVpcSettings() {
        assertEquals("Invalid setting <subnets> (-Dagentcore.subnets): it only applies with networkMode VPC, but "
                + "networkMode is PUBLIC. Fix: set networkMode to VPC, or remove it.",
                rejected(b -> b.network("PUBLIC", null, List.of("subnet-11111111"))).getMessage());
        assertEquals("networkMode", rejected(b -> b.network("PRIVATE", null, null)).parameter());
    }

    @Test
    void jwtDiscoveryUrlMustBeAnOpenIdConfigurationDocument() {
        JwtAuthorizer jwt = defaults().jwtAuthorizer("https://idp.example.com/pool/.well-known/openid-configuration",
                List.of("client-1"), null, List.of("read")).build().jwtAuthorizer();
        assertEquals(List.of("client-1"), jwt.allowedClients());
        assertEquals(List.of(), jwt.allowedAudiences());

        assertEquals("Invalid setting <jwtDiscoveryUrl> (-Dagentcore.jwtDiscoveryUrl): "
                + "'https://idp.example.com/oauth2/token' does not end in /.well-known/openid-configuration. Fix: use "
                + "the provider's OpenID discovery URL, e.g. https://idp.example.com/.well-known/openid-configuration.",
                rejected(b -> b.jwtAuthorizer("https://idp.example.com/oauth2/token", null, null, null)).getMessage());
    }

    @Test
    void jwtAllowancesNeedADiscoveryUrl() {
        assertEquals("Invalid setting <jwtDiscoveryUrl> (-Dagentcore.jwtDiscoveryUrl): jwtAllowedAudiences is set but "
                + "the authorizer has no discovery URL. Fix: set jwtDiscoveryUrl to your identity provider's "
                + "https://.../.well-known/openid-configuration.",
                rejected(b -> b.jwtAuthorizer(null, null, List.of("api"), null)).getMessage());
    }

    @Test
    void parsesEnvironmentEntriesInOrder() {
        Map<String, String> environment = defaults()
                .environment(List.of("MODEL_ID=anthropic.claude", "EMPTY=", "URL=https://x?a=b"))
                .build().environment();

        assertEquals(List.of("MODEL_ID", "EMPTY", "URL"), List.copyOf(environment.keySet()));
        assertEquals("https://x?a=b", environment.get("URL"));
        assertEquals("", environment.get("EMPTY"));
    }

    @Test
    void rejectsMalformedAndDuplicateEnvironmentEntries() {
        assertEquals("Invalid setting <environment> (-Dagentcore.environment): 'MODEL_ID' is not NAME=value with a "
                + "variable name of letters, digits and underscores. Fix: write it as NAME=value.",
                rejected(b -> b.environment(List.of("MODEL_ID"))).getMessage());
        assertEquals("environment", rejected(b -> b.environment(List.of("1A=x"))).parameter());
        assertEquals("Invalid setting <environment> (-Dagentcore.environment): A is set twice. Fix: keep one A.",
                rejected(b -> b.environment(List.of("A=1", "A=2"))).getMessage());
    }

    @Test
    void checksTheRegionShape() {
        assertEquals("us-gov-west-1", defaults().region("us-gov-west-1").build().region());
        assertEquals("Invalid setting <region> (-Dagentcore.region): 'US East' is not an AWS region name. Fix: use a "
                + "region code such as us-east-1 or eu-central-1.", rejected(b -> b.region("US East")).getMessage());
    }

    @Test
    void acceptsForwardableHeaders() {
        List<String> allowlist = defaults()
                .requestHeaderAllowlist(List.of("X-Tenant-Id", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Trace",
                        "traceparent"))
                .build().requestHeaderAllowlist();

        assertEquals(3, allowlist.size());
    }

    @Test
    void rejectsHeadersAwsReserves() {
        assertEquals("Invalid setting <requestHeaderAllowlist> (-Dagentcore.requestHeaderAllowlist): X-Amzn-Trace-Id "
                + "is reserved by AWS (x-amz-*, x-amzn-*). Fix: use another name, or "
                + "X-Amzn-Bedrock-AgentCore-Runtime-Custom-<Name>.",
                rejected(b -> b.requestHeaderAllowlist(List.of("X-Amzn-Trace-Id"))).getMessage());
        assertEquals("requestHeaderAllowlist",
                rejected(b -> b.requestHeaderAllowlist(List.of("x-amz-date"))).parameter());
        assertEquals("requestHeaderAllowlist",
                rejected(b -> b.requestHeaderAllowlist(List.of("Bad Header"))).parameter());
    }

    @Test
    void authorizationNeedsAJwtAuthorizer() {
        assertEquals("Invalid setting <requestHeaderAllowlist> (-Dagentcore.requestHeaderAllowlist): Authorization is "
                + "only passed to agents with a JWT authorizer. Fix: set jwtDiscoveryUrl, or remove Authorization.",
                rejected(b -> b.requestHeaderAllowlist(List.of("Authorization"))).getMessage());
        defaults().requestHeaderAllowlist(List.of("Authorization"))
                .jwtAuthorizer("https://idp.example.com/.well-known/openid-configuration", null, null, null)
                .build();
    }

    @Test
    void allowsAtMostTwentyDistinctHeaders() {
        List<String> many = java.util.stream.IntStream.rangeClosed(1, 21).mapToObj(i -> "X-H" + i).toList();
        assertEquals("Invalid setting <requestHeaderAllowlist> (-Dagentcore.requestHeaderAllowlist): 21 headers are "
                + "listed, more than the 20 AgentCore allows. Fix: keep at most 20.",
                rejected(b -> b.requestHeaderAllowlist(many)).getMessage());
        assertEquals("Invalid setting <requestHeaderAllowlist> (-Dagentcore.requestHeaderAllowlist): x-tenant is listed"
                + " twice (header names ignore case). Fix: keep one x-tenant.",
                rejected(b -> b.requestHeaderAllowlist(List.of("X-Tenant", "x-tenant"))).getMessage());
    }
}
