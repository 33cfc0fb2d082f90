package io.github.agentcore4j.it.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (distribution v2) serving plain HTTP on a free
 * 127.0.0.1 port (it binds port 0 and logs the port it got, so no other process can take the port in between), with a configuration written here (never the packaged one) and storage in a test directory. Its
 * JSON request log tells which blobs were really uploaded, as opposed to found already present or mounted.
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String INSTALL_HINT = "apt-get install docker-registry skopeo";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern UPLOADED_DIGEST = Pattern.compile("[?&]digest=([^&]+)");
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private int port;
    private final Path storage;
    private final Path log;

    private LocalRegistry(Process process, Path storage, Path log) {
        this.process = process;
        this.storage = storage;
        this.log = log;
    }

    /**
     * Starts an empty registry that anyone may push to, whose configuration, storage and log live in
     * {@code directory} (emptied first, so blobs of an earlier run cannot hide uploads), and waits until
     * {@code GET /v2/} answers 200.
     *
     * @throws AssertionError when {@code docker-registry} is not installed (naming the package to install) or the
     *     registry does not come up in time
     */
    public static LocalRegistry start(Path directory) {
        return start(directory, null);
    }

    /**
     * Like {@link #start(Path)}, but every request needs HTTP basic authentication as the one user of
     * {@code htpasswdEntry}, {@code user:<bcrypt hash>} (e.g. from {@code htpasswd -nB user}); readiness is then
     * {@code GET /v2/} answering 401.
     */
    public static LocalRegistry startRequiringLogin(Path directory, String htpasswdEntry) {
        return start(directory, htpasswdEntry);
    }

    private static LocalRegistry start(Path directory, String htpasswdEntry) {
        String executable = Executables.require("docker-registry");
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            Path storage = Files.createDirectories(directory.resolve("data"));
            List<String> config = new ArrayList<>(List.of(
                    "version: 0.1",
                    "log:",
                    "  level: info",
                    "  formatter: json",
                    "  accesslog:",
                    "    disabled: true",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + storage.toAbsolutePath(),
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:0"));
            if (htpasswdEntry != null) {
                Path htpasswd = Files.writeString(directory.resolve("htpasswd"), htpasswdEntry + "\n",
                        StandardCharsets.UTF_8);
                config.addAll(List.of(
                        "auth:",
                        "  htpasswd:",
                        "    realm: test-registry",
                        "    path: " + htpasswd.toAbsolutePath()));
            }
            Path configFile = Files.write(directory.resolve("config.yml"), config, StandardCharsets.UTF_8);
            Path log = directory.resolve("registry.log");
            Process process = new ProcessBuilder(executable, "serve", configFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LocalRegistry registry = new LocalRegistry(process, storage, log);
            registry.awaitReady(htpasswdEntry == null ? 200 : 401);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start docker-registry in " + directory, e);
        }
    }

    /** {@code 127.0.0.1:<port>}, the registry part of image references. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Digests of the blobs whose upload completed, in order, since the registry started. */
    public List<String> uploadedBlobs() {
        List<String> digests = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonNode entry = JSON.readTree(line);
                String uri = entry.path("http.request.uri").asText();
                if ("PUT".equals(entry.path("http.request.method").asText()) && uri.contains("/blobs/uploads/")
                        && entry.path("http.response.status").asInt() == 201) {
                    Matcher digest = UPLOADED_DIGEST.matcher(uri);
                    if (digest.find()) {
                        digests.add(URLDecoder.decode(digest.group(1), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the registry log " + log, e);
        }
        return digests;
    }

    /** Size in bytes of a stored blob. */
    public long blobSize(String digest) {
        String hash = digest.substring(digest.indexOf(':') + 1);
        Path data = storage.resolve("docker/registry/v2/blobs/sha256").resolve(hash.substring(0, 2)).resolve(hash)
                .resolve("data");
        try {
            return Files.size(data);
        } catch (IOException e) {
            throw new UncheckedIOException("No blob " + digest + " in the registry storage", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Waits, bounded, for the log to name the port the registry bound, then for {@code GET /v2/} to answer. */
    private void awaitReady(int readyStatus) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited with " + process.exitValue() + ": " + logText());
            }
            if (port == 0) {
                Matcher listening = LISTENING.matcher(logText());
                port = listening.find() ? Integer.parseInt(listening.group(1)) : 0;
            }
            try {
                if (port != 0 && client.send(HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == readyStatus) {
                    return;
                }
            } catch (IOException notYet) {
                // not serving yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            pause();
        }
        close();
        throw new AssertionError("docker-registry did not answer GET /v2/ with " + readyStatus + " on " + address()
                + " within " + STARTUP_TIMEOUT + ": " + logText());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
