package io.github.agentcore4j.maven.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentitySettingsTest {

    private static final String KEY = "sk-test-0123456789abcdef0123456789";

    /** The build's environment and settings.xml servers, as fixed maps. */
    private static SecretLookup secrets(Map<String, String> environment, Map<String, String> servers) {
        return new SecretLookup() {
            @Override
            public Optional<String> environmentVariable(String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public Optional<String> serverPassword(String serverId) {
                return Optional.ofNullable(servers.get(serverId));
            }
        };
    }

    @Test
    void readsKeysFromTheEnvironmentAndFromSettingsServers() {
        IdentitySettings settings = IdentitySettings.of(List.of("openai=env:OPENAI_API_KEY", "search=server:serp"),
                List.of("google-calendar"));

        IdentitySettings withKeys = settings.withKeys(secrets(Map.of("OPENAI_API_KEY", KEY),
                Map.of("serp", "serp-key")));

        assertEquals(List.of(new ApiKeyProvider("openai", ApiKeyProvider.Source.ENV, "OPENAI_API_KEY"),
                new ApiKeyProvider("search", ApiKeyProvider.Source.SERVER, "serp")), withKeys.apiKeyProviders());
        assertEquals(KEY, withKeys.apiKeys().get("openai").value());
        assertEquals("serp-key", withKeys.apiKeys().get("search").value());
        assertEquals(List.of("google-calendar"), withKeys.oauth2Providers());
        assertTrue(withKeys.enabled());
        assertFalse(IdentitySettings.of(null, null).enabled());
    }

    @Test
    void neverShowsAKeyInTextThatMightBeLogged() {
        IdentitySettings withKeys = IdentitySettings.of(List.of("openai=env:OPENAI_API_KEY"), List.of())
                .withKeys(secrets(Map.of("OPENAI_API_KEY", KEY), Map.of()));

        assertFalse(withKeys.toString().contains(KEY), withKeys.toString());
        assertEquals("API key from environment variable OPENAI_API_KEY (not shown)",
                withKeys.apiKeys().get("openai").toString());
    }

    @Test
    void refusesAKeyWrittenIntoThePomWithoutEchoingIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> IdentitySettings.of(List.of("openai=" + KEY), List.of()));

        assertEquals("apiKeyProviders", e.parameter());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("openai=env:<ENVIRONMENT_VARIABLE>"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> IdentitySettings.of(List.of("openai"), List.of()));
        assertThrows(InvalidSettingException.class, () -> IdentitySettings.of(List.of("openai=env:1BAD"), List.of()));
    }

    @Test
    void namesTheVariableOrServerThatHasNoKey() {
        IdentitySettings settings = IdentitySettings.of(List.of("openai=env:OPENAI_API_KEY"), List.of());
        InvalidSettingException unset = assertThrows(InvalidSettingException.class,
                () -> settings.withKeys(secrets(Map.of(), Map.of())));
        assertTrue(unset.getMessage().contains("export OPENAI_API_KEY"), unset.getMessage());

        IdentitySettings server = IdentitySettings.of(List.of("openai=server:openai"), List.of());
        InvalidSettingException missing = assertThrows(InvalidSettingException.class,
                () -> server.withKeys(secrets(Map.of(), Map.of())));
        assertTrue(missing.getMessage().contains("<server><id>openai</id>"), missing.getMessage());
    }

    @Test
    void refusesNamesTheTokenVaultRefusesAndDuplicates() {
        InvalidSettingException badName = assertThrows(InvalidSettingException.class,
                () -> IdentitySettings.of(List.of(), List.of("google calendar")));
        assertEquals("oauth2Providers", badName.parameter());
        assertThrows(InvalidSettingException.class,
                () -> IdentitySettings.of(List.of("k".repeat(129) + "=env:KEY"), List.of()));
        InvalidSettingException twice = assertThrows(InvalidSettingException.class,
                () -> IdentitySettings.of(List.of("shared=env:KEY"), List.of("shared")));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
    }

    @Test
    void spellsOauth2VendorsAsTheToolkitDoes() {
        assertEquals("google", CredentialProviders.vendorType("GoogleOauth2"));
        assertEquals("custom-oauth2", CredentialProviders.vendorType("CustomOauth2"));
        assertEquals("github", CredentialProviders.vendorType("GithubOauth2"));
    }
}
