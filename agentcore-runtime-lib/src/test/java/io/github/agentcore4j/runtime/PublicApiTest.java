package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the library's public API: every public type of the package and its public or protected members, as listed in
 * {@code public-api.txt}. A member made public by accident fails here; a deliberate change updates the list (the
 * failure prints the new one), so every change of the API shows in review.
 */
class PublicApiTest {

    private static final String EXPECTED = "public-api.txt";

    @Test
    void thePublicApiIsExactlyTheListedOne() throws Exception {
        String actual = String.join("\n", publicApi()) + "\n";
        String expected;
        try (InputStream in = PublicApiTest.class.getResourceAsStream(EXPECTED)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n", "", "\n"));
        }
        assertEquals(expected, actual, "The public API changed; if that is intended, replace the listing in "
                + EXPECTED + " with:\n" + actual);
    }

    @Test
    void theServerEnginesEndpointsAndJettysListenerAreNotApi() {
        for (Class<?> internal : List.of(JettyWebSocket.class, JettyWebSocket.Connection.class, JdkEngine.class,
                JettyEngine.class, InvocationEndpoint.class, McpEndpoint.class, A2aEndpoint.class, AgUiEndpoint.class,
                Protocol.class)) {
            assertFalse(isPublicType(internal), internal + " is public");
        }
    }

    /** One line per public type, then one per public or protected member under it, sorted. */
    static List<String> publicApi() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(AgentCoreApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packageDirectory = classes.resolve(AgentCoreApp.class.getPackageName().replace('.', '/'));
        List<String> names;
        try (Stream<Path> files = Files.list(packageDirectory)) {
            names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())).sorted().toList();
        }
        List<String> api = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(AgentCoreApp.class.getPackageName() + "." + name, false,
                    PublicApiTest.class.getClassLoader());
            if (!isPublicType(type)) {
                continue;
            }
            api.add(type.toGenericString().replace(type.getPackageName() + ".", ""));
            List<String> members = new ArrayList<>();
            Stream.of(type.getDeclaredFields(), type.getDeclaredConstructors(), type.getDeclaredMethods())
                    .flatMap(Stream::of)
                    .filter(member -> !member.isSynthetic() && isVisible(member))
                    .forEach(member -> members.add("  " + member.toString()
                            .replace(type.getPackageName() + ".", "")));
            members.sort(null);
            api.addAll(members);
        }
        return api;
    }

    private static boolean isPublicType(Class<?> type) {
        for (Class<?> level = type; level != null; level = level.getDeclaringClass()) {
            if (!Modifier.isPublic(level.getModifiers()) || level.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }
}
