package io.github.agentcore4j.maven.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void longTokensShowFourCharactersAndShortOnesNone() {
        assertEquals("eyJh****", Secrets.mask("eyJhbGciOiJSUzI1NiJ9.payload.signature"));
        assertEquals("****", Secrets.mask("short-token"));
        assertEquals("****", Secrets.mask(null));
    }

    @Test
    void environmentIsDescribedByNamesOnly() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MODEL_ID", "anthropic.claude");
        environment.put("OPENAI_KEY", "sk-123");
        environment.put("JWT", "eyJhbGciOi");
        environment.put("DB_URL", "postgres://app:pw@db/app");

        assertEquals("MODEL_ID, OPENAI_KEY, JWT, DB_URL (values not shown)", Secrets.describe(environment));
    }

    @Test
    void endpointUrlMustBeAnHttpUrl() {
        assertEquals(URI.create("http://127.0.0.1:4566"),
                AwsSettings.of("us-east-1", null, " http://127.0.0.1:4566 ").endpointUrl());
        assertEquals(null, AwsSettings.of(null, null, "").endpointUrl());
        InvalidSettingException bad = assertThrows(InvalidSettingException.class,
                () -> AwsSettings.of(null, null, "127.0.0.1:4566"));
        assertTrue(bad.getMessage().startsWith("Invalid setting <endpointUrl> (-Dagentcore.endpointUrl)"),
                bad.getMessage());
    }
}
