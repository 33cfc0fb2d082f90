package io.github.agentcore4j.it.aws;

/** Builds the XML documents of the query-protocol services (STS, IAM). */
final class Xml {

    private final StringBuilder text = new StringBuilder();

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Appends {@code <name>value</name>}, escaped; nothing when value is null. */
    Xml element(String name, Object value) {
        if (value != null) {
            text.append('<').append(name).append('>').append(escape(value.toString())).append("</").append(name).append('>');
        }
        return this;
    }

    Xml open(String name) {
        text.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        text.append("</").append(name).append('>');
        return this;
    }

    /**
     * The whole response document of a query-protocol action: {@code <ActionResponse><ActionResult>…}, then the
     * response metadata.
     */
    static String response(AwsService service, String action, Xml result) {
        return "<" + action + "Response xmlns=\"" + service.xmlNamespace() + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result.text + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata></" + action + "Response>";
    }
}
