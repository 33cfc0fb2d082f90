package io.github.agentcore4j.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per line, the AWS Lambda JSON log shape the Python SDK uses: timestamp, level, message, logger, and
 * the requestId and sessionId of the invocation that logged it; exceptions add errorType, errorMessage, stackTrace
 * and location. CloudWatch Logs Insights reads these fields without parsing rules.
 */
final class JsonLogFormatter extends Formatter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String format(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(record.getMillis())));
        line.put("level", levelName(record.getLevel()));
        line.put("message", formatMessage(record));
        line.put("logger", record.getLoggerName());
        RequestContext.current().ifPresent(context -> {
            line.put("requestId", context.requestId());
            if (context.sessionId() != null) {
                line.put("sessionId", context.sessionId());
            }
        });
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            line.put("errorType", thrown.getClass().getName());
            line.put("errorMessage", String.valueOf(thrown.getMessage()));
            line.put("stackTrace", stackTrace(thrown));
            StackTraceElement[] frames = thrown.getStackTrace();
            if (frames.length > 0) {
                line.put("location", frames[0].getClassName() + ":" + frames[0].getMethodName() + ":"
                        + frames[0].getLineNumber());
            }
        }
        return Json.writeString(line) + System.lineSeparator();
    }

    private static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static List<String> stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
