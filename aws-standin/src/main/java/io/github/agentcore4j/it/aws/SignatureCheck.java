package io.github.agentcore4j.it.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a request carries a SigV4 {@code Authorization} header scoped to the service it calls and to the
 * expected region, and an {@code X-Amz-Date}. The signature itself is not recomputed: the stand-in proves that the
 * caller signs, for the right service and region, not that the secret key is right.
 */
final class SignatureCheck {

    private static final Pattern CREDENTIAL = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request\\s*,\\s*SignedHeaders=[^,]+,\\s*Signature=[0-9a-f]{64}");

    private final String region;

    SignatureCheck(String region) {
        this.region = region;
    }

    /** Throws the service's own authentication error when the request is not signed for it. */
    void verify(AwsService service, AwsRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            throw service.missingAuthentication();
        }
        Matcher credential = CREDENTIAL.matcher(authorization);
        if (!credential.lookingAt()) {
            throw service.incompleteSignature("Authorization header requires 'Credential', 'SignedHeaders' and"
                    + " 'Signature' parameters of an AWS4-HMAC-SHA256 signature. Authorization=" + redact(authorization));
        }
        if (request.header("X-Amz-Date") == null) {
            throw service.incompleteSignature(
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!credential.group(4).equals(service.signingName())) {
            throw service.invalidSignature(
                    "Credential should be scoped to correct service: '" + service.signingName() + "'. ");
        }
        if (!credential.group(3).equals(signingRegion(service))) {
            throw service.invalidSignature("Credential should be scoped to a valid region. ");
        }
    }

    /** IAM is global and always signed for us-east-1 in the aws partition; the others for the stand-in's region. */
    String signingRegion(AwsService service) {
        return service == AwsService.IAM ? "us-east-1" : region;
    }

    private static String redact(String authorization) {
        return authorization.replaceAll("Signature=\\S+", "Signature=…");
    }
}
