package io.github.agentcore4j.it.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.it.registry.TestRegistry;
import io.github.agentcore4j.it.support.FixtureProject.MavenResult;
import io.github.agentcore4j.it.support.FixtureProject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pushes to a registry that requires a login, with the base image in another, open registry: without credentials
 * the build fails naming the credential sources; with a settings.xml {@code <server>} for the registry it pushes.
 */
class RegistryCredentialsTest {

    private static final String USER = "agent";
    private static final String PASSWORD = "secret";
    /** bcrypt of {@link #PASSWORD}, as {@code htpasswd -nB agent} writes it (made with Python's crypt module). */
    private static final String HTPASSWD_ENTRY = USER + ":$2b$12$AimVV3KDVzATAbAQpzbic.KmzyCcbWjIio9TybnKtYTpRbBGN0L/a";

    @RegisterExtension
    static final TestRegistry openRegistry = TestRegistry.forScenario("registry-credentials").in("open-registry")
            .seededWith(TinyBaseImages::pushArm64Base);

    @RegisterExtension
    static final TestRegistry lockedRegistry = TestRegistry.forScenario("registry-credentials").in("locked-registry")
            .requiringLogin(HTPASSWD_ENTRY);

    private static String base() {
        return TinyBaseImages.arm64Base(openRegistry.registry());
    }

    @Test
    void withoutCredentialsTheErrorsNameWhereCredentialsComeFrom() {
        FixtureProject project = FixtureProject.copy("image-agent", "registry-credentials-missing");

        MavenResult overHttp = project.maven("package", "-Dagentcore.build.image=" + image(),
                "-Dagentcore.baseImage=" + base(), "-Dagentcore.allowInsecureRegistries=true").assertFailure();
        assertTrue(overHttp.log().contains("-DsendCredentialsOverHttp=true"), overHttp.log());

        MavenResult result = project.maven("package", "-Dagentcore.build.image=" + image(), "-Dagentcore.baseImage=" + base(),
                "-Dagentcore.allowInsecureRegistries=true", "-DsendCredentialsOverHttp=true").assertFailure();

        assertTrue(result.log().contains("Registry " + lockedRegistry.address() + " refused access for the target "
                + "image (<image>, -Dagentcore.build.image)"), result.log());
        assertTrue(result.log().contains("settings.xml <server> with <id>" + lockedRegistry.address() + "</id>"),
                result.log());
    }

    @Test
    void aSettingsServerNamedAfterTheRegistryLogsIn() throws IOException {
        FixtureProject project = FixtureProject.copy("image-agent", "registry-credentials-settings");
        Path settings = project.file("settings.xml");
        Files.writeString(settings, "<settings><servers><server><id>" + lockedRegistry.address() + "</id><username>"
                + USER + "</username><password>" + PASSWORD + "</password></server></servers></settings>\n",
                StandardCharsets.UTF_8);

        // Jib sends passwords over plain HTTP only when told to; the test registry has no TLS.
        MavenResult result = project.maven("-s", settings.toString(), "package", "-Dagentcore.build.image=" + image(),
                "-Dagentcore.baseImage=" + base(), "-Dagentcore.allowInsecureRegistries=true",
                "-DsendCredentialsOverHttp=true").assertSuccess();

        assertTrue(result.log().contains("Using credentials from settings.xml <server> " + lockedRegistry.address()),
                result.log());
        String digest = new ObjectMapper().readTree(project.file("target/agentcore/image.json").toFile())
                .get("digest").asText();
        assertTrue(lockedRegistry.registry().uploadedBlobs().size() >= 3,
                "the application layers reached the registry");
        assertEquals(digest, Files.readString(project.file("target/agentcore/image.digest")).trim());
    }

    private static String image() {
        return lockedRegistry.address() + "/agents/locked:1.0";
    }
}
