package io.github.agentcore4j.maven.core.identity;

import java.util.Optional;

/** Where API keys come from: the environment of the build, and the passwords of {@code settings.xml} servers. */
public interface SecretLookup {

    /** The value of an environment variable, when it is set and not blank. */
    Optional<String> environmentVariable(String name);

    /** The (decrypted) password of the {@code settings.xml} server with this id, when there is one. */
    Optional<String> serverPassword(String serverId);
}
