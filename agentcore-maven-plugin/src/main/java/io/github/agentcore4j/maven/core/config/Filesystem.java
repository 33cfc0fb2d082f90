package io.github.agentcore4j.maven.core.config;

/**
 * A filesystem mounted into every session ({@code filesystemConfigurations}).
 *
 * @param kind what is mounted
 * @param mountPath where, {@code /mnt/<name>}
 * @param accessPointArn the EFS or S3 Files access point, {@code null} for session storage
 */
public record Filesystem(Kind kind, String mountPath, String accessPointArn) {

    /** The union member the service expects for each kind. */
    public enum Kind {
        /** Per-session storage that AgentCore manages ({@code sessionStorage}). */
        SESSION_STORAGE("sessionStorage"),
        /** An EFS access point ({@code efsAccessPoint}); VPC only. */
        EFS("efsAccessPoint"),
        /** An S3 Files access point ({@code s3FilesAccessPoint}); VPC only. */
        S3_FILES("s3FilesAccessPoint");

        private final String member;

        Kind(String member) {
            this.member = member;
        }

        /** The JSON member name in {@code FilesystemConfiguration}. */
        public String member() {
            return member;
        }
    }
}
