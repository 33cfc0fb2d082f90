package io.github.agentcore4j.it.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import io.github.agentcore4j.it.support.FreePort;
import org.junit.jupiter.api.Test;

/**
 * Maven's debug output ({@code -X}) prints the value of every mojo parameter ({@code (f) name = value}): the bearer
 * token, given on the command line or in the environment, must appear in none of invoke's. (Other plugins may print
 * every property and environment variable under {@code -X}: maven-resources-plugin does, so the run has no compile.)
 */
class SecretsInDebugOutputTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.debug-must-not-show-this.signature";

    @Test
    void theBearerTokenIsNotInMavensDebugOutput() {
        FixtureProject project = FixtureProject.copy("local-agent", "invoke-debug-secret")
                .environment("AGENTCORE_BEARER_TOKEN", TOKEN);

        MavenResult result = project.maven("-X", "agentcore:invoke", "-Dagentcore.invoke.prompt=Hi",
                "-Dagentcore.invoke.bearerToken=" + TOKEN, "-Dagentcore.port=" + FreePort.pick()).assertFailure();

        assertTrue(result.log().contains("[DEBUG] Configuring mojo"), "Maven ran with -X");
        assertTrue(result.log().contains("No agent answers at"), "the invoke goal ran");
        assertFalse(result.log().contains("debug-must-not-show-this"), result.log());
    }
}
