package io.github.agentcore4j.maven.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContainerDiagnosisTest {

    private static final String NL = System.lineSeparator();

    @Test
    void newerBytecodeThanTheImagesJavaNamesBothVersions() {
        String output = "Error: LinkageError occurred while loading main class com.example.Main\n"
                + "\tjava.lang.UnsupportedClassVersionError: com/example/Main has been compiled by a more recent "
                + "version of the Java Runtime (class file version 65.0), this version of the Java Runtime only "
                + "recognizes class file versions up to 61.0";

        assertEquals(NL + "The image's Java is 17 but the classes need Java 21 (UnsupportedClassVersionError). Fix: "
                + "set <baseImage> (-Dagentcore.baseImage) to a Java 21+ runtime image, or compile for Java 17 "
                + "(maven.compiler.release).", ContainerDiagnosis.explain(output, 8080));
    }

    @Test
    void missingEmulationAndABusyPortAreExplained() {
        String output = "{\"msg\":\"exec container process `/usr/bin/java`: Exec format error\"}\n"
                + "exec /usr/bin/java: exec format error\n"
                + "Error: rootlessport listen tcp 127.0.0.1:18080: bind: address already in use";

        assertEquals(NL + "The engine cannot execute linux/arm64 programs: emulation is not set up. Fix: "
                + ArmEmulation.FIX + "." + NL + "Port 18080 on 127.0.0.1 is taken. Fix: stop what listens there, or "
                + "pass -Dagentcore.port=<free port>.", ContainerDiagnosis.explain(output, 18080));
    }

    @Test
    void aPlainHttpRegistryNamesTheRegistryAndTheEngineSetting() {
        String output = "Error: initializing source docker://127.0.0.1:5000/agents/echo:1: pinging container "
                + "registry 127.0.0.1:5000: Get \"https://127.0.0.1:5000/v2/\": http: server gave HTTP response to "
                + "HTTPS client";

        assertEquals(NL + "The engine reaches registry 127.0.0.1:5000 over HTTPS only, but it serves plain HTTP. "
                + "Fix: for Podman add [[registry]] location=\"127.0.0.1:5000\" insecure=true to "
                + "/etc/containers/registries.conf; for Docker add \"insecure-registries\": [\"127.0.0.1:5000\"] to "
                + "/etc/docker/daemon.json and restart Docker.", ContainerDiagnosis.explain(output, 8080));
    }

    @Test
    void outputWithoutAKnownFailureAddsNothing() {
        assertEquals("", ContainerDiagnosis.explain("Exception in thread \"main\" java.lang.IllegalStateException",
                8080));
    }
}
