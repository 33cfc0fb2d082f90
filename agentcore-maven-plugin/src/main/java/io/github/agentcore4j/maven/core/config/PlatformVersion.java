package io.github.agentcore4j.maven.core.config;

import java.util.Locale;

/**
 * The AgentCore Runtime platform a runtime runs on: {@code V2} restores every session from a snapshot taken once per
 * version (fast cold starts, build-time warmup hook); {@code V1} starts each session from the image.
 */
public enum PlatformVersion {
    V1,
    V2;

    /**
     * Parses the {@code platformVersion} setting, ignoring case; unset means V2.
     *
     * @throws InvalidSettingException naming the setting for any other value
     */
    public static PlatformVersion fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return V2;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(PropertyNames.PLATFORM_VERSION,
                    "'" + value + "' is not a platform version",
                    "use V2 (snapshot restore, the default) or V1");
        }
    }
}
