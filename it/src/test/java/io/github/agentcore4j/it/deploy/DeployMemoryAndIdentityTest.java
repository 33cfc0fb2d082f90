package io.github.agentcore4j.it.deploy;

import static io.github.agentcore4j.it.deploy.DeployStage.read;
import static io.github.agentcore4j.it.support.TextAssertions.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.aws.AgentRuntime;
import io.github.agentcore4j.it.aws.IamRole;
import io.github.agentcore4j.it.aws.MemoryStatus;
import io.github.agentcore4j.it.aws.StoredMemory;
import io.github.agentcore4j.it.aws.StoredStrategy;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Memory and identity at deploy, against the stand-in's AgentCore Memory and Identity: a memory created with the
 * toolkit's strategies, waited for, passed to the runtime and granted to the role, reused by the next deploy and
 * deleted by destroy; a given memory used and kept; an API-key provider made from an environment variable whose key
 * reaches the token vault and no log or file; and the refusals that come before any change.
 */
class DeployMemoryAndIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "sk-search-0123456789abcdefNEVERLOGGED";
    @RegisterExtension
    static final DeployStage stage = DeployStage.forScenario("memory-identity");

    /** A memory takes a while to become ACTIVE, so deploy's wait is exercised. */
    @BeforeAll
    static void slowMemories() {
        stage.aws().pace().memoryCreation(Duration.ofSeconds(2));
    }

    @Test
    void deployCreatesTheMemoryReusesItAndDestroyDeletesIt() throws Exception {
        FixtureProject project = stage.project("memory-created");
        MavenResult dryRun = stage.maven(project, "mem_agent", "deploy", "-Dagentcore.deploy.dryRun=true",
                "-Dagentcore.memoryMode=STM_AND_LTM", "-Dagentcore.memoryEventExpiryDays=45").assertSuccess();
        assertContains(dryRun.log(), "[dry run] would create memory mem_agent_mem (STM_AND_LTM, events kept 45 days, "
                + "strategies UserPreferences, SemanticFacts, SessionSummaries) and pass BEDROCK_AGENTCORE_MEMORY_ID "
                + "and BEDROCK_AGENTCORE_MEMORY_NAME to the runtime");
        assertTrue(stage.aws().memory().memoryNamed("mem_agent_mem").isEmpty(), "a dry run creates nothing");

        MavenResult deploy = stage.maven(project, "mem_agent", "deploy", "-Dagentcore.memoryMode=STM_AND_LTM",
                "-Dagentcore.memoryEventExpiryDays=45").assertSuccess();

        StoredMemory memory = stage.aws().memory().memoryNamed("mem_agent_mem").orElseThrow();
        assertEquals(MemoryStatus.ACTIVE, memory.status());
        assertEquals(45, memory.eventExpiryDays());
        assertStrategy(memory, "USER_PREFERENCE", "UserPreferences", "/users/{actorId}/preferences");
        assertStrategy(memory, "SEMANTIC", "SemanticFacts", "/users/{actorId}/facts");
        assertStrategy(memory, "SUMMARIZATION", "SessionSummaries", "/summaries/{actorId}/{sessionId}");
        assertContains(deploy.log(), "Created memory mem_agent_mem (STM_AND_LTM, events kept 45 days, strategies "
                + "UserPreferences, SemanticFacts, SessionSummaries): " + memory.id() + "; waiting until it is ACTIVE");
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("mem_agent").orElseThrow();
        JsonNode environment = runtime.latestVersion().configuration().get("environmentVariables");
        assertEquals(memory.id(), environment.get("BEDROCK_AGENTCORE_MEMORY_ID").asText());
        assertEquals("mem_agent_mem", environment.get("BEDROCK_AGENTCORE_MEMORY_NAME").asText());
        JsonNode statement = statement(role(runtime), "BedrockAgentCoreMemory");
        assertEquals(memory.arn(), statement.get("Resource").asText());
        assertEquals(11, statement.get("Action").size());
        String yaml = read(project.file(".bedrock_agentcore.yaml"));
        assertContains(yaml, "    memory:\n      mode: STM_AND_LTM\n      memory_id: " + memory.id() + "\n"
                + "      memory_arn: " + memory.arn() + "\n      memory_name: mem_agent_mem\n"
                + "      event_expiry_days: 45\n");
        assertContains(yaml, "      was_created_by_toolkit: true\n");

        stage.aws().clearRequests();
        MavenResult again = stage.maven(project, "mem_agent", "deploy", "-Dagentcore.memoryMode=STM_AND_LTM",
                "-Dagentcore.memoryEventExpiryDays=45").assertSuccess();
        assertContains(again.log(), "Using memory " + memory.id() + " (ACTIVE");
        assertEquals(List.of(), stage.aws().requests("CreateMemory"));
        assertEquals(List.of(), stage.aws().requests("UpdateAgentRuntime"), "an unchanged memory makes no version");
        assertEquals(1, stage.aws().memory().memories().stream()
                .filter(existing -> existing.name().equals("mem_agent_mem")).count());

        MavenResult status = stage.maven(project, "mem_agent", "agentcore:status").assertSuccess();
        assertContains(status.log(), "Memory " + memory.id() + " (created by deploy): ACTIVE, events kept 45 days, "
                + "strategies ");

        MavenResult destroy = stage.maven(project, "mem_agent", "agentcore:destroy",
                "-Dagentcore.destroy.confirm=true").assertSuccess();
        assertTrue(stage.aws().memory().memory(memory.id()).isEmpty(), "the memory deploy created is deleted");
        assertContains(destroy.log(), "Deleted memory " + memory.id() + " (created by deploy)");
    }

    @Test
    void aGivenMemoryIsUsedAndDestroyKeepsIt() {
        StoredMemory team = stage.aws().memory().seedMemory("team_mem");
        FixtureProject project = stage.project("memory-given");

        stage.maven(project, "given_mem_agent", "deploy", "-Dagentcore.memoryId=" + team.id()).assertSuccess();

        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("given_mem_agent").orElseThrow();
        assertEquals(team.id(), runtime.latestVersion().configuration().get("environmentVariables")
                .get("BEDROCK_AGENTCORE_MEMORY_ID").asText());
        assertEquals(team.arn(), statement(role(runtime), "BedrockAgentCoreMemory").get("Resource").asText());
        assertTrue(stage.aws().memory().memoryNamed("given_mem_agent_mem").isEmpty(), "no memory is created");

        MavenResult destroy = stage.maven(project, "given_mem_agent", "agentcore:destroy",
                "-Dagentcore.destroy.confirm=true").assertSuccess();
        assertEquals(MemoryStatus.ACTIVE, stage.aws().memory().memory(team.id()).orElseThrow().status());
        assertContains(destroy.log(), "Keeping memory " + team.id() + ": deploy did not create it");
    }

    @Test
    void anApiKeyProviderGetsItsKeyFromTheEnvironmentAndNoLogOrFileShowsIt() throws Exception {
        stage.aws().identity().seedOauth2Provider("calendar", "GoogleOauth2", "calendar-client");
        FixtureProject project = stage.project("identity-api-key").environment("SEARCH_API_KEY", API_KEY);

        // -X on the deploy goal alone: not even the SDK's debug logging of requests may show the key. (Maven's
        // resources plugin prints every environment variable at -X, so the lifecycle runs without it.)
        stage.maven(project, "key_agent", "package").assertSuccess();
        MavenResult deploy = stage.maven(project, "key_agent", "-X", "agentcore:deploy",
                "-Dagentcore.deploy.apiKeyProviders=search=env:SEARCH_API_KEY",
                "-Dagentcore.deploy.oauth2Providers=calendar").assertSuccess();

        assertEquals(API_KEY, stage.aws().identity().apiKeyProvider("search").orElseThrow().apiKey());
        assertContains(deploy.log(), "Created API-key credential provider search with the key from environment "
                + "variable SEARCH_API_KEY");
        assertContains(deploy.log(), "[DEBUG] Configuring mojo");
        assertFalse(deploy.log().contains(API_KEY), "the key is in the build log");
        assertNoFileContains(project.directory(), API_KEY);
        AgentRuntime runtime = stage.aws().agentCore().runtimeNamed("key_agent").orElseThrow();
        assertEquals("search", runtime.latestVersion().configuration().get("environmentVariables")
                .get("BEDROCK_AGENTCORE_MODEL_PROVIDER_API_KEY_NAME").asText());
        IamRole role = role(runtime);
        assertContains(statement(role, "BedrockAgentCoreIdentityGetResourceApiKey").toString(),
                "token-vault/default/apikeycredentialprovider/*");
        assertContains(statement(role, "BedrockAgentCoreIdentityGetResourceOauth2Token").toString(),
                "workload-identity-directory/default/workload-identity/key_agent-*");
        String yaml = read(project.file(".bedrock_agentcore.yaml"));
        assertContains(yaml, "    identity:\n      credential_providers:\n      - name: search\n        arn: "
                + stage.aws().identity().apiKeyProvider("search").orElseThrow().arn() + "\n        type: api_key\n");
        assertContains(yaml, "      - name: calendar\n");
        assertContains(yaml, "        type: google\n");

        MavenResult destroy = stage.maven(project, "key_agent", "agentcore:destroy",
                "-Dagentcore.destroy.confirm=true").assertSuccess();
        assertTrue(stage.aws().identity().apiKeyProvider("search").isEmpty(), "the provider deploy created is gone");
        assertTrue(stage.aws().identity().oauth2Provider("calendar").isPresent(), "a referenced provider is kept");
        assertContains(destroy.log(), "Deleted API-key credential provider search (created by deploy)");
        assertContains(destroy.log(), "Keeping credential provider calendar: deploy did not create it");
    }

    @Test
    void anApiKeyMayComeFromASettingsServerPassword() throws Exception {
        FixtureProject project = stage.project("identity-server-key");
        String serverKey = "sk-serp-9876543210fedcbaNEVERLOGGED";
        Path settings = project.file("key-settings.xml");
        Files.writeString(settings, "<settings><servers><server><id>serp</id><password>" + serverKey
                + "</password></server></servers></settings>", StandardCharsets.UTF_8);

        MavenResult dryRun = stage.maven(project, "server_key_agent", "-gs", settings.toString(), "deploy",
                "-Dagentcore.deploy.dryRun=true", "-Dagentcore.deploy.apiKeyProviders=serp-search=server:serp")
                .assertSuccess();

        assertContains(dryRun.log(), "[dry run] would create API-key credential provider serp-search (key from "
                + "settings.xml server serp)");
        assertFalse(dryRun.log().contains(serverKey), "the key is in the build log");
        assertTrue(stage.aws().identity().apiKeyProvider("serp-search").isEmpty(), "a dry run creates nothing");
        MavenResult missing = stage.maven(project, "server_key_agent", "deploy", "-Dagentcore.deploy.dryRun=true",
                "-Dagentcore.deploy.apiKeyProviders=serp-search=server:nowhere").assertFailure();
        assertContains(missing.log(), "the key of provider serp-search comes from settings.xml server nowhere, which "
                + "has no password");
    }

    @Test
    void refusesAKeyInThePomAndAMissingOauth2ProviderBeforeDeployingAnything() {
        FixtureProject project = stage.project("identity-refused");

        MavenResult literal = stage.maven(project, "refused_agent", "deploy",
                "-Dagentcore.deploy.apiKeyProviders=search=" + API_KEY).assertFailure();
        assertContains(literal.log(), "Invalid setting <apiKeyProviders> (-Dagentcore.deploy.apiKeyProviders)");
        assertFalse(literal.log().contains(API_KEY.substring(10)), "the refused key is echoed");

        MavenResult missing = stage.maven(project, "refused_agent", "deploy",
                "-Dagentcore.deploy.oauth2Providers=nowhere").assertFailure();
        assertContains(missing.log(), "OAuth2 credential provider nowhere does not exist in this account and region");
        assertTrue(stage.aws().agentCore().runtimeNamed("refused_agent").isEmpty());
    }

    @Test
    void aFailedMemoryFailsTheDeployWithItsReason() {
        stage.aws().memory().failNextCreate("Memory quota exceeded");
        FixtureProject project = stage.project("memory-failed");

        MavenResult deploy = stage.maven(project, "failed_mem_agent", "deploy", "-Dagentcore.memoryMode=STM_ONLY")
                .assertFailure();

        StoredMemory memory = stage.aws().memory().memoryNamed("failed_mem_agent_mem").orElseThrow();
        assertContains(deploy.log(), "Memory " + memory.id() + " FAILED: Memory quota exceeded");
        assertTrue(stage.aws().agentCore().runtimeNamed("failed_mem_agent").isEmpty());
        assertContains(read(project.file(".bedrock_agentcore.yaml")), "memory_id: " + memory.id() + "\n");
    }

    private static void assertStrategy(StoredMemory memory, String type, String name, String namespace) {
        StoredStrategy strategy = memory.strategyOfType(type).orElseThrow(() -> new AssertionError(
                "no " + type + " strategy in " + memory.strategies()));
        assertEquals(name, strategy.name());
        assertEquals(List.of(namespace), strategy.namespaces());
    }

    private static IamRole role(AgentRuntime runtime) {
        String arn = runtime.latestVersion().roleArn();
        return stage.aws().iam().roles().stream().filter(role -> role.arn().equals(arn)).findFirst().orElseThrow();
    }

    private static JsonNode statement(IamRole role, String sid) {
        for (String policy : role.inlinePolicies().values()) {
            try {
                for (JsonNode statement : JSON.readTree(policy).get("Statement")) {
                    if (sid.equals(statement.path("Sid").asText())) {
                        return statement;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new AssertionError("no statement " + sid + " in " + role.inlinePolicies());
    }

    private static void assertNoFileContains(Path directory, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(new String(needle, StandardCharsets.ISO_8859_1)),
                        "the key is in " + file);
            }
        }
    }
}
