package io.github.agentcore4j.maven.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Credential;
import com.sun.net.httpserver.HttpServer;
import io.github.agentcore4j.maven.core.MemoryBuildLog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

/** Runs the real ECR client against a local stand-in that answers GetAuthorizationToken. */
class EcrCredentialRetrieverTest {

    private static final EcrRegistry REGISTRY =
            EcrRegistry.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com").orElseThrow();

    private HttpServer ecr;
    private final List<String> targets = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;
    private final MemoryBuildLog log = new MemoryBuildLog(false);

    @BeforeEach
    void startStandIn() throws IOException {
        ecr = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ecr.createContext("/", exchange -> {
            targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            byte[] response = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        ecr.start();
    }

    @AfterEach
    void stopStandIn() {
        ecr.stop(0);
    }

    @Test
    void decodesTheTokenIntoUserAndPassword() {
        body = "{\"authorizationData\":[{\"authorizationToken\":\"QVdTOnNlY3JldDpwYXJ0\",\"expiresAt\":1.7E9,"
                + "\"proxyEndpoint\":\"https://123456789012.dkr.ecr.eu-west-1.amazonaws.com\"}]}";

        Optional<Credential> credential = new EcrCredentialRetriever(REGISTRY, clients(), log).retrieve();

        assertEquals(Optional.of(Credential.from("AWS", "secret:part")), credential);
        assertEquals(List.of("AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken"), targets);
        assertTrue(log.contains("INFO Using an ECR token"), log.lines().toString());
    }

    @Test
    void anAwsErrorLetsTheNextSourceTryAndSaysHowToFixIt() {
        status = 400;
        body = "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token is invalid.\"}";

        Optional<Credential> credential = new EcrCredentialRetriever(REGISTRY, clients(), log).retrieve();

        assertEquals(Optional.empty(), credential);
        assertTrue(log.contains("WARN Could not get an ECR token for 123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
                log.lines().toString());
        assertTrue(log.lines().toString().contains("agentcore.profile"), log.lines().toString());
    }

    @Test
    void recognisesEcrHostsOnly() {
        assertEquals("eu-west-1", REGISTRY.region());
        assertEquals("123456789012", REGISTRY.accountId());
        assertEquals("us-gov-west-1",
                EcrRegistry.parse("123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com").orElseThrow().region());
        assertEquals(Optional.empty(), EcrRegistry.parse("registry.example.com"));
        assertEquals(Optional.empty(), EcrRegistry.parse("127.0.0.1:5000"));
    }

    private Function<EcrRegistry, EcrClient> clients() {
        return registry -> EcrClient.builder()
                .region(Region.of(registry.region()))
                .endpointOverride(URI.create("http://127.0.0.1:" + ecr.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }
}
