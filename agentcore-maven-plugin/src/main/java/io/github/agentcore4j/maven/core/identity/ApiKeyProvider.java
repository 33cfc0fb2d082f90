package io.github.agentcore4j.maven.core.identity;

import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An AgentCore Identity API-key credential provider deploy creates, and where its key comes from: an environment
 * variable ({@code name=env:OPENAI_API_KEY}) or a {@code settings.xml} server's password
 * ({@code name=server:openai}). A key written into the POM is refused: a POM is committed and shared.
 *
 * @param name the provider's name in the token vault
 * @param source where the key comes from
 * @param reference the environment variable's name or the server's id
 */
public record ApiKeyProvider(String name, Source source, String reference) {

    /** Where an API key may come from. */
    public enum Source {
        /** An environment variable of the build. */
        ENV,
        /** The password of a {@code settings.xml} {@code <server>}, which Maven can keep encrypted. */
        SERVER
    }

    private static final String PROPERTY = PropertyNames.DEPLOY_API_KEY_PROVIDERS;
    /** CreateApiKeyCredentialProvider's {@code name}: 1..128 letters, digits, dashes and underscores. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9\\-_]{1,128}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Parses {@code <name>=env:<VARIABLE>} or {@code <name>=server:<id>}.
     *
     * @throws InvalidSettingException naming apiKeyProviders for anything else, a literal key above all
     */
    public static ApiKeyProvider parse(String entry) {
        String text = entry.trim();
        int equals = text.indexOf('=');
        String name = equals < 0 ? text : text.substring(0, equals).trim();
        checkName(PROPERTY, name);
        String from = equals < 0 ? "" : text.substring(equals + 1).trim();
        int colon = from.indexOf(':');
        String kind = colon < 0 ? "" : from.substring(0, colon).toLowerCase(Locale.ROOT);
        String reference = colon < 0 ? "" : from.substring(colon + 1).trim();
        if (kind.equals("env") && VARIABLE.matcher(reference).matches()) {
            return new ApiKeyProvider(name, Source.ENV, reference);
        }
        if (kind.equals("server") && !reference.isEmpty()) {
            return new ApiKeyProvider(name, Source.SERVER, reference);
        }
        // The value is never echoed: it may be the key itself.
        throw new InvalidSettingException(PROPERTY, "the entry for provider " + name + " does not say "
                + "where its key comes from (an API key is never written into the POM, which is committed and shared)",
                "write it as " + name + "=env:<ENVIRONMENT_VARIABLE> (e.g. " + name + "=env:OPENAI_API_KEY) or "
                        + name + "=server:<settings.xml server id> whose <password> is the key");
    }

    /** @throws InvalidSettingException naming {@code property} when AgentCore Identity would refuse the name */
    static String checkName(String property, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidSettingException(property, "'" + name + "' is not a credential provider name "
                    + "(1..128 letters, digits, - and _)", "rename the provider, e.g. openai-key");
        }
        return name;
    }

    /**
     * Reads the key.
     *
     * @throws InvalidSettingException naming apiKeyProviders when the variable is unset or the server is missing
     */
    public ApiKey resolve(SecretLookup secrets) {
        if (source == Source.ENV) {
            return secrets.environmentVariable(reference).map(key -> new ApiKey(key, "environment variable "
                    + reference)).orElseThrow(() -> new InvalidSettingException(PROPERTY, "the key of "
                    + "provider " + name + " comes from environment variable " + reference + ", which is not set",
                    "export " + reference + " before running Maven"));
        }
        return secrets.serverPassword(reference).map(key -> new ApiKey(key, "settings.xml server " + reference))
                .orElseThrow(() -> new InvalidSettingException(PROPERTY, "the key of provider " + name
                        + " comes from settings.xml server " + reference + ", which has no password (or does not "
                        + "exist)",
                        "add <server><id>" + reference + "</id><password>the key</password></server> to "
                                + "~/.m2/settings.xml (mvn --encrypt-password can encrypt it)"));
    }

    /** Where the key comes from, for people. */
    public String origin() {
        return source == Source.ENV ? "environment variable " + reference : "settings.xml server " + reference;
    }
}
