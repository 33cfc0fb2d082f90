package io.github.agentcore4j.maven.core.invoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.agentcore4j.maven.core.BuildLog;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import io.github.agentcore4j.maven.core.config.PropertyNames;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Turns invoke's settings into what goes on the wire: the payload, the session id and the custom headers. */
public final class InvocationInputs {

    /** Headers with this prefix reach the agent without being allow-listed. */
    public static final String CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
    private static final int MIN_SESSION_ID_LENGTH = 33;
    private static final int MAX_SESSION_ID_LENGTH = 256;
    /** AgentCore's invocation payload limit. */
    private static final long MAX_PAYLOAD_BYTES = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private InvocationInputs() {
    }

    /**
     * The JSON payload from exactly one of the three settings.
     *
     * @param payload a JSON document ({@code agentcore.invoke.payload})
     * @param prompt text sent as {@code {"prompt": text}} ({@code agentcore.invoke.prompt})
     * @param payloadFile a file holding the JSON document ({@code agentcore.invoke.payloadFile})
     */
    public static String payload(String payload, String prompt, Path payloadFile) {
        long given = Stream.of(payload, prompt, payloadFile).filter(value -> value != null).count();
        if (given != 1) {
            throw new InvalidSettingException(PropertyNames.INVOKE_PAYLOAD, given == 0 ? "nothing to send"
                    : "more than one of payload, prompt and payloadFile is set",
                    "set exactly one: -Dagentcore.invoke.prompt=Hello, "
                            + "-Dagentcore.invoke.payload='{\"prompt\":\"Hello\"}' or "
                            + "-Dagentcore.invoke.payloadFile=request.json");
        }
        if (prompt != null) {
            return JSON.createObjectNode().put("prompt", prompt).toString();
        }
        if (payload != null) {
            return requireJson(payload, PropertyNames.INVOKE_PAYLOAD);
        }
        try {
            if (Files.size(payloadFile) > MAX_PAYLOAD_BYTES) {
                throw new InvalidSettingException(PropertyNames.INVOKE_PAYLOAD_FILE, payloadFile
                        + " holds " + Files.size(payloadFile) + " bytes, more than AgentCore's 100 MB payload limit",
                        "send a smaller document, e.g. a reference to the data rather than the data");
            }
            return requireJson(Files.readString(payloadFile, StandardCharsets.UTF_8),
                    PropertyNames.INVOKE_PAYLOAD_FILE);
        } catch (CharacterCodingException e) {
            throw new InvalidSettingException(PropertyNames.INVOKE_PAYLOAD_FILE,
                    payloadFile + " is not UTF-8 text", "save the JSON document as UTF-8");
        } catch (NoSuchFileException e) {
            throw new InvalidSettingException(PropertyNames.INVOKE_PAYLOAD_FILE,
                    payloadFile + " does not exist", "point it at a JSON file");
        } catch (IOException e) {
            throw new InvalidSettingException(PropertyNames.INVOKE_PAYLOAD_FILE,
                    "cannot read " + payloadFile + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                    "point it at a readable JSON file");
        }
    }

    /**
     * The session id: the one given, else a new one when asked for or when none is kept, else the kept one.
     *
     * @param given the {@code agentcore.invoke.sessionId} setting, may be {@code null}
     * @param newSession the {@code agentcore.invoke.newSession} setting
     * @param kept the id kept in {@code .bedrock_agentcore.yaml}
     */
    public static String sessionId(String given, boolean newSession, Optional<String> kept) {
        if (given != null && !given.isBlank()) {
            if (newSession) {
                throw new InvalidSettingException(PropertyNames.INVOKE_NEW_SESSION,
                        "it asks for a new session but sessionId names one", "set only one of them");
            }
            if (given.length() < MIN_SESSION_ID_LENGTH || given.length() > MAX_SESSION_ID_LENGTH) {
                throw new InvalidSettingException(PropertyNames.INVOKE_SESSION_ID, "it has "
                        + given.length() + " characters; AgentCore Runtime takes " + MIN_SESSION_ID_LENGTH + " to "
                        + MAX_SESSION_ID_LENGTH, "use a longer id, e.g. a UUID");
            }
            return given;
        }
        if (newSession || kept.isEmpty()) {
            return UUID.randomUUID().toString();
        }
        return kept.get();
    }

    /**
     * Custom headers named as AgentCore Runtime passes them on: a header the agent's allowlist names, or that already
     * has the custom prefix, keeps its name; any other gets the prefix.
     *
     * @param entries {@code Name=value} entries ({@code agentcore.invoke.headers})
     * @param allowlist the agent's request header allowlist
     */
    public static Map<String, String> headers(List<String> entries, List<String> allowlist) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new InvalidSettingException(PropertyNames.INVOKE_HEADERS, "'" + entry
                        + "' is not Name=value", "write each header as Name=value, e.g. X-Tenant-Id=acme");
            }
            String name = entry.substring(0, equals).trim();
            headers.put(isPassedAsIs(name, allowlist) ? name : CUSTOM_HEADER_PREFIX + name,
                    entry.substring(equals + 1));
        }
        return headers;
    }

    private static boolean isPassedAsIs(String name, List<String> allowlist) {
        return name.toLowerCase(Locale.ROOT).startsWith(CUSTOM_HEADER_PREFIX.toLowerCase(Locale.ROOT))
                || allowlist.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** AgentCore Runtime drops a request header its allowlist does not name, silently: say so before sending. */
    public static void warnOutsideAllowlist(List<String> headers, List<String> allowlist, BuildLog log) {
        for (String header : headers) {
            String name = header.contains("=") ? header.substring(0, header.indexOf('=')).trim() : header.trim();
            if (allowlist.stream().noneMatch(name::equalsIgnoreCase)) {
                log.warn("Header " + name + " is not in the runtime's request header allowlist, so AgentCore "
                        + "Runtime does not pass it to the agent. Fix: add " + name + " to requestHeaderAllowlist (-D"
                        + PropertyNames.REQUEST_HEADER_ALLOWLIST + ") and deploy");
            }
        }
    }

    private static String requireJson(String text, String property) {
        try {
            if (JSON.readTree(text).isMissingNode()) {
                throw new InvalidSettingException(property, "it is empty",
                        "send a JSON document, or use -Dagentcore.invoke.prompt=<text>");
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new InvalidSettingException(property, "it is not valid JSON ("
                    + e.getOriginalMessage() + ")", "send a JSON document, or use -Dagentcore.invoke.prompt=<text>");
        }
    }
}
