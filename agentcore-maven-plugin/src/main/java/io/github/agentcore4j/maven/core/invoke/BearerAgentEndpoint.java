package io.github.agentcore4j.maven.core.invoke;

import io.github.agentcore4j.maven.core.aws.Secrets;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import io.github.agentcore4j.maven.core.deploy.DeployedAgent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A deployed agent with a JWT authorizer, called with an OAuth bearer token instead of SigV4: the same
 * InvokeAgentRuntime route, with {@code Authorization: Bearer}. The token never appears in logs.
 */
public final class BearerAgentEndpoint implements AgentEndpoint {

    /** The environment variable a token may come from, so that it stays off command lines. */
    public static final String TOKEN_VARIABLE = "AGENTCORE_BEARER_TOKEN";
    /** The build property a token may come from. */
    public static final String TOKEN_PROPERTY = PropertyNames.INVOKE_BEARER_TOKEN;
    /** The name 0.1.0 read the token from, still read for one release. */
    public static final String DEPRECATED_TOKEN_PROPERTY = PropertyNames.DEPRECATED_BEARER_TOKEN;

    private final URI uri;
    private final DeployedAgent agent;
    private final String qualifier;
    private final String token;
    private final Duration timeout;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param dataPlane the AgentCore data plane's base URL
     * @param timeout how long to wait for the whole answer
     */
    public BearerAgentEndpoint(URI dataPlane, DeployedAgent agent, String qualifier, String token, Duration timeout) {
        this.uri = URI.create(dataPlane.toString().replaceAll("/+$", "") + "/runtimes/"
                + URLEncoder.encode(agent.arn(), StandardCharsets.UTF_8) + "/invocations?qualifier="
                + URLEncoder.encode(qualifier, StandardCharsets.UTF_8));
        this.agent = agent;
        this.qualifier = qualifier;
        this.token = token;
        this.timeout = timeout;
    }

    /**
     * The bearer token: the {@value #TOKEN_PROPERTY} property, else its 0.1.0 name
     * {@value #DEPRECATED_TOKEN_PROPERTY}, else the {@value #TOKEN_VARIABLE} environment variable; null when none is
     * set.
     */
    public static String token(UnaryOperator<String> properties, Map<String, String> environment) {
        for (String value : new String[] {properties.apply(TOKEN_PROPERTY), properties.apply(DEPRECATED_TOKEN_PROPERTY),
                environment.get(TOKEN_VARIABLE)}) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /**
     * The data plane URL: the {@code endpointUrl} setting, else {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE}, else
     * {@code AWS_ENDPOINT_URL}, else the regional AWS endpoint, as the SDK would choose for SigV4 calls.
     */
    public static URI dataPlane(URI endpointUrl, String region, Map<String, String> environment) {
        if (endpointUrl != null) {
            return endpointUrl;
        }
        for (String variable : new String[] {"AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", "AWS_ENDPOINT_URL"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return URI.create(value.trim());
            }
        }
        return URI.create("https://bedrock-agentcore." + region + ".amazonaws.com");
    }

    @Override
    public InvocationResponse send(InvocationRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", InvocationRequest.ACCEPT)
                .header(InvocationRequest.SESSION_HEADER, request.sessionId())
                .POST(HttpRequest.BodyPublishers.ofString(request.payload()));
        request.headers().forEach(http::header);
        HttpResponse<InputStream> response = client.send(http.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new InvocationFailedException("AgentCore refused the bearer token " + Secrets.mask(token) + " ("
                    + response.statusCode() + "): " + body + ". Fix: get a fresh token from your identity provider, "
                    + "and check that the runtime has a JWT authorizer (jwtDiscoveryUrl)");
        }
        return new InvocationResponse(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Override
    public String describe() {
        return agent.arn() + " (endpoint " + qualifier + ", bearer token " + Secrets.mask(token) + ")";
    }
}
