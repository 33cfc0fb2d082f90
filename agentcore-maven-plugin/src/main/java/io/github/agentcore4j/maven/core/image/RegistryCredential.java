package io.github.agentcore4j.maven.core.image;

import java.util.Objects;

/**
 * A user name and password for one registry, e.g. from a Maven {@code settings.xml} {@code <server>}.
 *
 * @param source where the credential came from, for the log line that says which credential was used
 */
public record RegistryCredential(String username, String password, String source) {

    public RegistryCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegistryCredential[username=" + username + ", source=" + source + "]";
    }
}
