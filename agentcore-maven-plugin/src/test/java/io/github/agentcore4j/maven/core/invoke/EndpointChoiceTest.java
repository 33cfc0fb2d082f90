package io.github.agentcore4j.maven.core.invoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.aws.AwsSettings;
import io.github.agentcore4j.maven.core.config.AgentSettings;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** invoke's choice between the local agent, a bearer token and SigV4, with the endpoints it builds. */
class EndpointChoiceTest {

    private static final String ARN = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/demo-AbCdEf1234";
    private static final Optional<DeployedAgent> DEPLOYED = Optional.of(DeployedAgent.ofArn(ARN));
    private static final AgentSettings SETTINGS = AgentSettings.builder().agentName("demo", "demo").build();
    /** No network is used: the clients are built lazily, and nothing is sent. */
    private static final AwsSettings AWS = AwsSettings.of(null, null, "http://127.0.0.1:9");
    private static final UnaryOperator<String> NO_PROPERTIES = name -> null;

    private final AtomicInteger portAsked = new AtomicInteger();
    private final IntSupplier localPort = () -> {
        portAsked.incrementAndGet();
        return 18080;
    };

    private static EndpointChoice.Inputs inputs(boolean local, String userId) {
        return new EndpointChoice.Inputs(local, "DEFAULT", userId, Duration.ofSeconds(5));
    }

    @Test
    void theLocalAgentWhenNothingIsDeployed() {
        try (EndpointChoice.Chosen chosen = EndpointChoice.choose(inputs(false, null), SETTINGS, Optional.empty(),
                AWS, localPort, NO_PROPERTIES, Map.of())) {
            assertInstanceOf(LocalAgentEndpoint.class, chosen.endpoint());
            assertEquals("http://127.0.0.1:18080/invocations", chosen.endpoint().describe());
            assertNull(chosen.aws());
        }
    }

    @Test
    void theLocalAgentWhenAskedForEvenThoughOneIsDeployed() {
        try (EndpointChoice.Chosen chosen = EndpointChoice.choose(inputs(true, null), SETTINGS, DEPLOYED, AWS,
                localPort, name -> "a-token", Map.of())) {
            assertInstanceOf(LocalAgentEndpoint.class, chosen.endpoint());
        }
    }

    @Test
    void aBearerTokenFromThePropertyOrItsOldNameOrTheEnvironment() {
        for (UnaryOperator<String> properties : java.util.List.<UnaryOperator<String>>of(
                name -> name.equals("agentcore.invoke.bearerToken") ? "token-from-the-property" : null,
                name -> name.equals("agentcore.bearerToken") ? "token-from-the-property" : null)) {
            try (EndpointChoice.Chosen chosen = EndpointChoice.choose(inputs(false, null), SETTINGS, DEPLOYED, AWS,
                    localPort, properties, Map.of())) {
                assertInstanceOf(BearerAgentEndpoint.class, chosen.endpoint());
                assertTrue(chosen.endpoint().describe().startsWith(ARN + " (endpoint DEFAULT, bearer token "),
                        chosen.endpoint().describe());
                assertTrue(!chosen.endpoint().describe().contains("token-from-the-property"), "the token is masked");
            }
        }
        try (EndpointChoice.Chosen chosen = EndpointChoice.choose(inputs(false, null), SETTINGS, DEPLOYED, AWS,
                localPort, NO_PROPERTIES, Map.of("AGENTCORE_BEARER_TOKEN", "token-from-the-environment"))) {
            assertInstanceOf(BearerAgentEndpoint.class, chosen.endpoint());
        }
        assertEquals(0, portAsked.get(), "a deployed agent needs no local port");
    }

    @Test
    void aUserIdNeedsSigV4() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> EndpointChoice.choose(
                inputs(false, "user-1"), SETTINGS, DEPLOYED, AWS, localPort, name -> "a-token", Map.of()));
        assertEquals("agentcore.invoke.userId", e.setting());
        assertTrue(e.getMessage().startsWith("Invalid setting <userId> (-Dagentcore.invoke.userId)"), e.getMessage());
    }

    @Test
    void sigV4WithoutAToken() {
        try (EndpointChoice.Chosen chosen = EndpointChoice.choose(inputs(false, "user-1"), SETTINGS, DEPLOYED, AWS,
                localPort, NO_PROPERTIES, Map.of())) {
            assertInstanceOf(AwsAgentEndpoint.class, chosen.endpoint());
            assertEquals(ARN + " (endpoint DEFAULT, SigV4, user user-1)", chosen.endpoint().describe());
            assertNotNull(chosen.aws(), "the AWS clients are closed with the choice");
            assertEquals("eu-west-1", chosen.aws().region(), "no region is configured: the ARN's");
        }
    }
}
