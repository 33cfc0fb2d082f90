package io.github.agentcore4j.maven.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime settings AgentCore gained in 2026 (platform V2 and what came with it), validated against the service's
 * rules. Deploy sends them beside the SDK's members.
 *
 * @param platformVersion V2 (default) or V1
 * @param warmup whether to send the build-time warmup hook ({@code hooksConfiguration}); V2 only
 * @param warmupPath the path the hook POSTs to, on the serving port
 * @param port a custom serving port ({@code protocolConfiguration.port}), or {@code null} for the protocol's
 * @param invocationPath a custom invocation path ({@code protocolConfiguration.path}), or {@code null}
 * @param description the runtime's description, or {@code null}
 * @param tags tags put on the runtime, in the order given
 * @param filesystems filesystems mounted into each session
 * @param allowedPorts extra ports a session may serve (session endpoints)
 * @param minimumMemoryInMiB the memory a session is given at least, or {@code null} for the service default
 */
public record RuntimeOptions(PlatformVersion platformVersion, boolean warmup, String warmupPath, Integer port,
        String invocationPath, String description, Map<String, String> tags, List<Filesystem> filesystems,
        List<PortRange> allowedPorts, Integer minimumMemoryInMiB) {

    /** The warmup path the runtime library serves unless told otherwise. */
    public static final String DEFAULT_WARMUP_PATH = "/warmup";

    public RuntimeOptions {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        filesystems = List.copyOf(filesystems);
        allowedPorts = List.copyOf(allowedPorts);
    }

    /** V2, no warmup, nothing else set. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(PlatformVersion.V2, false, DEFAULT_WARMUP_PATH, null, null, null, Map.of(),
                List.of(), List.of(), null);
    }

    /** The port the agent serves on: the custom port, else the protocol's. */
    public int servingPort(Protocol protocol) {
        return port != null ? port : protocol.port();
    }

    /** Raw setting values as Maven hands them over, checked by {@link #build}. */
    static final class Raw {
        String platformVersion;
        boolean warmup;
        String warmupPath;
        Integer port;
        String invocationPath;
        String description;
        List<String> tags = List.of();
        List<String> filesystems = List.of();
        List<String> allowedPorts = List.of();
        Integer minimumMemoryInMiB;

        RuntimeOptions build(NetworkMode networkMode) {
            PlatformVersion platform = PlatformVersion.fromSetting(platformVersion);
            String hookPath = warmupPath == null || warmupPath.isBlank() ? DEFAULT_WARMUP_PATH : warmupPath.trim();
            checkPath(PropertyNames.WARMUP_PATH, hookPath);
            if (warmup && platform != PlatformVersion.V2) {
                throw new InvalidSettingException(PropertyNames.WARMUP, "the warmup hook runs only on platform V2, but "
                        + "platformVersion is " + platform, "set platformVersion to V2, or turn warmup off");
            }
            if (port != null && (port < 1 || port > 65535)) {
                throw new InvalidSettingException(PropertyNames.PORT, "it is " + port + ", not a TCP port (1..65535)",
                        "choose a port from 1 to 65535, or unset it for the protocol's port");
            }
            String path = invocationPath == null || invocationPath.isBlank() ? null : invocationPath.trim();
            if (path != null) {
                checkPath(PropertyNames.INVOCATION_PATH, path);
            }
            String checkedDescription = description == null || description.isEmpty() ? null : description;
            if (checkedDescription != null && checkedDescription.length() > ServiceRules.MAX_DESCRIPTION) {
                throw new InvalidSettingException(PropertyNames.DESCRIPTION, "it has " + checkedDescription.length()
                        + " characters, more than the " + ServiceRules.MAX_DESCRIPTION + " AgentCore accepts",
                        "shorten it to at most " + ServiceRules.MAX_DESCRIPTION + " characters");
            }
            if (minimumMemoryInMiB != null && minimumMemoryInMiB < 1) {
                throw new InvalidSettingException(PropertyNames.MINIMUM_MEMORY_IN_MIB, "it is " + minimumMemoryInMiB
                        + ", not a positive number of MiB", "set a positive number of MiB, e.g. 2048, or unset it");
            }
            return new RuntimeOptions(platform, warmup, hookPath, port, path, checkedDescription, parseTags(tags),
                    parseFilesystems(filesystems, networkMode), parseAllowedPorts(allowedPorts), minimumMemoryInMiB);
        }

        private static void checkPath(String property, String path) {
            if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw new InvalidSettingException(property, "'" + path + "' is not a URL path",
                        "start it with / and use no spaces, e.g. " + DEFAULT_WARMUP_PATH);
            }
        }

        private static Map<String, String> parseTags(List<String> entries) {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new InvalidSettingException(PropertyNames.TAGS, "'" + entry + "' is not KEY=value",
                            "write each tag as KEY=value");
                }
                String key = entry.substring(0, equals).trim();
                String value = entry.substring(equals + 1).trim();
                ServiceRules.checkTag(key, value);
                if (parsed.put(key, value) != null) {
                    throw new InvalidSettingException(PropertyNames.TAGS, key + " is set twice", "keep one " + key);
                }
            }
            if (parsed.size() > ServiceRules.MAX_TAGS) {
                throw new InvalidSettingException(PropertyNames.TAGS, parsed.size() + " tags are set, more than the "
                        + ServiceRules.MAX_TAGS + " AWS allows", "keep at most " + ServiceRules.MAX_TAGS);
            }
            return parsed;
        }

        /** Entries {@code /mnt/<name>=session} or {@code /mnt/<name>=<EFS or S3 Files access point ARN>}. */
        private static List<Filesystem> parseFilesystems(List<String> entries, NetworkMode networkMode) {
            List<Filesystem> parsed = new ArrayList<>();
            Map<Filesystem.Kind, Integer> counts = new EnumMap<>(Filesystem.Kind.class);
            Set<String> mountPaths = new HashSet<>();
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new InvalidSettingException(PropertyNames.FILESYSTEMS,
                            "'" + entry + "' is not MOUNT_PATH=SOURCE",
                            "write /mnt/<name>=session, or /mnt/<name>=<EFS or S3 Files access point ARN>");
                }
                String mountPath = entry.substring(0, equals).trim();
                String source = entry.substring(equals + 1).trim();
                if (mountPath.length() < 6 || mountPath.length() > ServiceRules.MAX_MOUNT_PATH
                        || !ServiceRules.MOUNT_PATH.matcher(mountPath).matches()) {
                    throw new InvalidSettingException(PropertyNames.FILESYSTEMS,
                            "mount path '" + mountPath + "' is not /mnt/ "
                            + "followed by one name (" + ServiceRules.MOUNT_PATH.pattern() + ", 6..200 characters)",
                            "mount it at /mnt/<name>, e.g. /mnt/data");
                }
                if (!mountPaths.add(mountPath.replaceAll("/$", ""))) {
                    throw new InvalidSettingException(PropertyNames.FILESYSTEMS, mountPath + " is mounted twice",
                            "give each filesystem its own mount path");
                }
                Filesystem filesystem = filesystem(mountPath, source);
                if (filesystem.kind() != Filesystem.Kind.SESSION_STORAGE && networkMode != NetworkMode.VPC) {
                    throw new InvalidSettingException(PropertyNames.FILESYSTEMS,
                            "an access point (" + mountPath + ") can only "
                            + "be mounted by a runtime in a VPC, but networkMode is " + networkMode,
                            "set networkMode to VPC with securityGroups and subnets, or use =session");
                }
                int limit = filesystem.kind() == Filesystem.Kind.SESSION_STORAGE ? 1 : 2;
                if (counts.merge(filesystem.kind(), 1, Integer::sum) > limit) {
                    throw new InvalidSettingException(PropertyNames.FILESYSTEMS, "more than " + limit + " "
                            + filesystem.kind().member() + " filesystems are listed", "keep at most " + limit);
                }
                parsed.add(filesystem);
            }
            if (parsed.size() > ServiceRules.MAX_FILESYSTEMS) {
                throw new InvalidSettingException(PropertyNames.FILESYSTEMS,
                        parsed.size() + " filesystems are listed, more than "
                        + "the " + ServiceRules.MAX_FILESYSTEMS + " AgentCore accepts",
                        "keep at most " + ServiceRules.MAX_FILESYSTEMS);
            }
            return parsed;
        }

        private static Filesystem filesystem(String mountPath, String source) {
            if (source.equalsIgnoreCase("session")) {
                return new Filesystem(Filesystem.Kind.SESSION_STORAGE, mountPath, null);
            }
            if (source.length() <= 128 && ServiceRules.EFS_ACCESS_POINT.matcher(source).matches()) {
                return new Filesystem(Filesystem.Kind.EFS, mountPath, source);
            }
            if (source.length() <= 256 && ServiceRules.S3_FILES_ACCESS_POINT.matcher(source).matches()) {
                return new Filesystem(Filesystem.Kind.S3_FILES, mountPath, source);
            }
            throw new InvalidSettingException(PropertyNames.FILESYSTEMS,
                    "'" + source + "' (for " + mountPath + ") is neither "
                    + "session nor an EFS or S3 Files access point ARN", "use session, "
                    + "arn:aws:elasticfilesystem:<region>:<account>:access-point/fsap-<id> or "
                    + "arn:aws:s3files:<region>:<account>:file-system/fs-<id>/access-point/fsap-<id>");
        }

        /** Entries {@code 8080} or {@code 8000-8100}. */
        private static List<PortRange> parseAllowedPorts(List<String> entries) {
            if (entries.size() > ServiceRules.MAX_ALLOWED_PORTS) {
                throw new InvalidSettingException(PropertyNames.ALLOWED_PORTS,
                        entries.size() + " entries are listed, more than "
                        + "the " + ServiceRules.MAX_ALLOWED_PORTS + " AgentCore accepts",
                        "keep at most " + ServiceRules.MAX_ALLOWED_PORTS + " ports or ranges");
            }
            List<PortRange> parsed = new ArrayList<>();
            for (String entry : entries) {
                String[] bounds = entry.trim().split("-", -1);
                try {
                    int from = Integer.parseInt(bounds[0].trim());
                    int to = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : from;
                    if (bounds.length > 2 || from < ServiceRules.MIN_ALLOWED_PORT || to > ServiceRules.MAX_ALLOWED_PORT
                            || from > to) {
                        throw new NumberFormatException();
                    }
                    parsed.add(new PortRange(from, to));
                } catch (NumberFormatException e) {
                    throw new InvalidSettingException(PropertyNames.ALLOWED_PORTS,
                            "'" + entry + "' is not a port or a range "
                            + "within " + ServiceRules.MIN_ALLOWED_PORT + ".." + ServiceRules.MAX_ALLOWED_PORT,
                            "write a port such as 8081 or a range such as 8100-8110, between "
                                    + ServiceRules.MIN_ALLOWED_PORT + " and " + ServiceRules.MAX_ALLOWED_PORT);
                }
            }
            return parsed;
        }
    }
}
