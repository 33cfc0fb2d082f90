package io.github.agentcore4j.maven.core.container;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a failed container's output for the failures users meet most, and says how to fix each. */
public final class ContainerDiagnosis {

    private static final Pattern CLASS_VERSIONS = Pattern.compile(
            "class file version (\\d+)\\.\\d+\\), this version of the Java Runtime only recognizes class file "
                    + "versions up to (\\d+)\\.\\d+");
    private static final Pattern PLAIN_HTTP_REGISTRY = Pattern.compile(
            "https?://([^/\\s\"]+)/v2/[^\\s\"]*\"?:? http: server gave HTTP response to HTTPS client");
    /** Class file version 45 + n is Java n for every release since Java 1.1 ... 1.4: close enough for a hint. */
    private static final int CLASS_VERSION_OFFSET = 44;

    private ContainerDiagnosis() {
    }

    /**
     * @param output the container's last output (and the engine's messages)
     * @param hostPort the port published on 127.0.0.1
     * @return each recognised failure with its fix, on lines of its own after a line break, or an empty string
     */
    public static String explain(String output, int hostPort) {
        List<String> findings = new ArrayList<>();
        Matcher versions = CLASS_VERSIONS.matcher(output);
        if (versions.find()) {
            int needed = Integer.parseInt(versions.group(1)) - CLASS_VERSION_OFFSET;
            int available = Integer.parseInt(versions.group(2)) - CLASS_VERSION_OFFSET;
            findings.add("The image's Java is " + available + " but the classes need Java " + needed
                    + " (UnsupportedClassVersionError). Fix: set <baseImage> (-Dagentcore.baseImage) to a Java "
                    + needed + "+ runtime image, or compile for Java " + available + " (maven.compiler.release).");
        } else if (output.contains("UnsupportedClassVersionError")) {
            findings.add("The image's Java is older than the classes' bytecode (UnsupportedClassVersionError). Fix: "
                    + "set <baseImage> (-Dagentcore.baseImage) to a newer Java runtime image, or lower "
                    + "maven.compiler.release.");
        }
        if (output.contains("exec format error")) {
            findings.add("The engine cannot execute linux/arm64 programs: emulation is not set up. Fix: "
                    + ArmEmulation.FIX + ".");
        }
        if (output.contains("address already in use") || output.contains("port is already allocated")) {
            findings.add("Port " + hostPort + " on 127.0.0.1 is taken. Fix: stop what listens there, or pass "
                    + "-Dagentcore.port=<free port>.");
        }
        Matcher registry = PLAIN_HTTP_REGISTRY.matcher(output);
        boolean registryNamed = registry.find();
        if (registryNamed || output.contains("server gave HTTP response to HTTPS client")) {
            String host = registryNamed ? registry.group(1) : "<registry>";
            findings.add("The engine reaches registry " + host + " over HTTPS only, but it serves plain HTTP. Fix: "
                    + "for Podman add [[registry]] location=\"" + host + "\" insecure=true to "
                    + "/etc/containers/registries.conf; for Docker add \"insecure-registries\": [\"" + host
                    + "\"] to /etc/docker/daemon.json and restart Docker.");
        }
        if (output.contains("\"java\": executable file not found") || output.contains("java: not found")) {
            findings.add("The base image has no java on its PATH. Fix: set <baseImage> (-Dagentcore.baseImage) to a "
                    + "Java runtime image for linux/arm64.");
        }
        if (findings.isEmpty()) {
            return "";
        }
        return System.lineSeparator() + String.join(System.lineSeparator(), findings);
    }
}
