package io.github.agentcore4j.runtime;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    private static final String LINE_END = System.lineSeparator();

    /** The text of the last second stamped, e.g. {@code 2026-01-01T00:00:00.}; computed from the clock, never kept. */
    private volatile StampedSecond lastSecond = new StampedSecond(Long.MIN_VALUE, "");

    private record StampedSecond(long epochSecond, String text) {
    }

    @Override
    public String format(LogRecord record) {
        if (record.getThrown() != null) {
            return formatWithException(record);
        }
        // Written by hand: this runs for every invocation, and a map through the JSON writer cost several times more.
        StringBuilder line = new StringBuilder(192);
        line.append("{\"timestamp\":\"");
        appendTimestamp(line, record.getMillis());
        line.append("\",\"level\":\"").append(levelName(record.getLevel())).append("\",\"message\":");
        appendString(line, formatMessage(record));
        line.append(",\"logger\":");
        appendString(line, record.getLoggerName());
        RequestContext context = RequestContext.current().orElse(null);
        if (context != null) {
            line.append(",\"requestId\":");
            appendString(line, context.requestId());
            if (context.sessionId() != null) {
                line.append(",\"sessionId\":");
                appendString(line, context.sessionId());
            }
        }
        return line.append('}').append(LINE_END).toString();
    }

    private static void appendString(StringBuilder line, String value) {
        if (value == null) {
            line.append("null");
            return;
        }
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        line.append('"');
    }

    private void appendTimestamp(StringBuilder line, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000L);
        StampedSecond second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            String text = timestamp(epochMillis);
            second = new StampedSecond(epochSecond, text.substring(0, text.length() - 4));
            lastSecond = second;
        }
        pad(line.append(second.text()), (int) Math.floorMod(epochMillis, 1000L), 3).append('Z');
    }

    private String formatWithException(LogRecord record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", timestamp(record.getMillis()));
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
        line.put("errorType", thrown.getClass().getName());
        line.put("errorMessage", String.valueOf(thrown.getMessage()));
        line.put("stackTrace", stackTrace(thrown));
        StackTraceElement[] frames = thrown.getStackTrace();
        if (frames.length > 0) {
            line.put("location", frames[0].getClassName() + ":" + frames[0].getMethodName() + ":"
                    + frames[0].getLineNumber());
        }
        return Json.writeString(line) + LINE_END;
    }

    /**
     * {@code 2026-01-01T00:00:00.123Z}, always with milliseconds. Built by hand: a DateTimeFormatter pattern loads
     * locale data on first use, which the first log line of every new session would pay for.
     */
    static String timestamp(long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        StringBuilder text = new StringBuilder(24);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2).append('.');
        return pad(text, millis, 3).append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
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
