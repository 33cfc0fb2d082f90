package io.github.agentcore4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code agentcore.*} property the documentation names (the site's pages, the README, the examples' READMEs)
 * exists: in the plugin's {@link PropertyNames}, among its deprecated names, or as a system property the runtime
 * library reads. The goals' property tables are the generated goal reference, so this is the check on the prose;
 * the plugin's own messages get the same check.
 */
class DocumentedPropertiesTest {

    /** A property as prose writes it; not the tail of a longer name such as {@code .bedrock_agentcore.yaml}. */
    private static final Pattern PROPERTY =
            Pattern.compile("(?<![\\w./-])agentcore\\.[a-zA-Z][a-zA-Z0-9]*(?:[.-][a-zA-Z][a-zA-Z0-9]*)*");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"(agentcore\\.[a-zA-Z][a-zA-Z0-9.]*)\"");

    /** The repository's root: the plugin's tests run in agentcore-maven-plugin/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyDocumentedPropertyExists() throws Exception {
        Set<String> known = new HashSet<>(pluginProperties());
        known.addAll(PropertyNames.DEPRECATED.keySet());
        known.addAll(runtimeLibraryProperties());
        Map<String, Set<String>> unknown = new TreeMap<>();
        List<Path> documents = documents();
        for (Path document : documents) {
            Matcher matcher = PROPERTY.matcher(Files.readString(document, StandardCharsets.UTF_8));
            while (matcher.find()) {
                if (!known.contains(matcher.group())) {
                    unknown.computeIfAbsent(matcher.group(), key -> new TreeSet<>())
                            .add(ROOT.relativize(document).toString());
                }
            }
        }
        assertTrue(documents.size() > 10, "the site's pages are found under " + ROOT + ": " + documents);
        assertEquals(Map.of(), unknown, "documented properties that do not exist (rename them, or add them to "
                + "PropertyNames)");
    }

    @Test
    void everyPropertyTheCodeNamesInAMessageExists() throws Exception {
        Set<String> known = new HashSet<>(pluginProperties());
        known.add(PropertyNames.DEPRECATED_BEARER_TOKEN);
        known.addAll(runtimeLibraryProperties());
        Map<String, Set<String>> unknown = new TreeMap<>();
        int named = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = PROPERTY.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    named++;
                    if (!known.contains(matcher.group()) && !source.endsWith("PropertyNames.java")) {
                        unknown.computeIfAbsent(matcher.group(), key -> new TreeSet<>())
                                .add(source.getFileName().toString());
                    }
                }
            }
        }
        assertTrue(named > 50, "the messages name properties: " + named);
        assertEquals(Map.of(), unknown, "properties the plugin's messages name that do not exist");
    }

    @Test
    void thePropertyNamesPageListsEveryDeprecatedName() throws IOException {
        String page = Files.readString(ROOT.resolve("src/site/markdown/property-names.md"), StandardCharsets.UTF_8);
        PropertyNames.DEPRECATED.forEach((oldName, newName) -> assertTrue(
                page.contains("| `" + oldName + "` | `" + newName + "` |"), oldName + " -> " + newName));
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> site = Files.list(ROOT.resolve("src/site/markdown"));
                Stream<Path> examples = Files.list(ROOT.resolve("examples"))) {
            return Stream.concat(Stream.concat(site.filter(path -> path.toString().endsWith(".md")),
                            examples.map(example -> example.resolve("README.md")).filter(Files::exists)),
                    Stream.of(ROOT.resolve("README.md"))).sorted().toList();
        }
    }

    private static Set<String> pluginProperties() throws IllegalAccessException {
        Set<String> values = new HashSet<>();
        for (Field field : PropertyNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    /** The string literals {@code "agentcore.*"} in the runtime library's sources: its system properties. */
    private static Set<String> runtimeLibraryProperties() throws IOException {
        Set<String> values = new HashSet<>();
        try (Stream<Path> sources = Files.walk(ROOT.resolve("agentcore-runtime-lib/src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = JAVA_LITERAL.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    values.add(matcher.group(1));
                }
            }
        }
        return values;
    }
}
