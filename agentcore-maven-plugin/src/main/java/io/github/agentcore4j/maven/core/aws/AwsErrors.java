package io.github.agentcore4j.maven.core.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns an AWS SDK failure into one message that says what failed and what to do about it. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** @param action what was being done, e.g. "Deploying agent my_agent" */
    public static String explain(String action, SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = action + " failed: " + service.awsErrorDetails().serviceName() + " answered "
                    + service.statusCode() + " " + code + ": " + service.awsErrorDetails().errorMessage();
            if (service.statusCode() == 403 || "AccessDenied".equals(code) || "AccessDeniedException".equals(code)) {
                return message + ". Fix: give the deploying identity the permissions listed on the plugin's "
                        + "\"Deploying\" page, or use another profile (-Dagentcore.profile)";
            }
            if ("ExpiredToken".equals(code) || "ExpiredTokenException".equals(code)
                    || "InvalidClientTokenId".equals(code) || "UnrecognizedClientException".equals(code)) {
                return message + ". Fix: refresh your AWS credentials (e.g. aws sso login) or choose another profile "
                        + "(-Dagentcore.profile)";
            }
            return message;
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return action + " failed: no AWS credentials were found (" + e.getMessage() + "). Fix: set "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run aws configure or aws sso login, or choose a "
                    + "profile with -Dagentcore.profile";
        }
        return action + " failed: " + e.getMessage() + ". Fix: check the network, the region (-Dagentcore.region) "
                + "and any endpoint override (-Dagentcore.endpointUrl, AWS_ENDPOINT_URL)";
    }
}
