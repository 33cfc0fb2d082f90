package io.github.agentcore4j.maven.core.image;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import io.github.agentcore4j.maven.core.config.InvalidSettingException;
import java.util.List;

/** Parses image settings up front, so a typo fails before any layer is built, naming the setting at fault. */
final class ImageReferences {

    private ImageReferences() {
    }

    static ImageReference parse(String value, String property) {
        try {
            return ImageReference.parse(value);
        } catch (InvalidImageReferenceException e) {
            throw new InvalidSettingException(property, "'" + value + "' is not a valid image reference",
                    "write it as [registry/]repository[:tag] with a lowercase repository, e.g. "
                            + "123456789012.dkr.ecr.us-east-1.amazonaws.com/my-agent:1.0");
        }
    }

    static void checkTags(List<String> tags, String property) {
        for (String tag : tags) {
            if (!ImageReference.isValidTag(tag)) {
                throw new InvalidSettingException(property, "'" + tag + "' is not a valid image tag",
                        "use at most 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'");
            }
        }
    }
}
