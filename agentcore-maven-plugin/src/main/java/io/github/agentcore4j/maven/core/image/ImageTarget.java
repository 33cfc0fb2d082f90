package io.github.agentcore4j.maven.core.image;

import java.nio.file.Path;
import java.util.Objects;

/** Where a built image goes. Every target names the image with a reference such as {@code repo/name:tag}. */
public sealed interface ImageTarget {

    /** The image reference the image is pushed, written or loaded as. */
    String reference();

    /** What {@code image.json} calls this kind of target. */
    String kind();

    /** A registry, which receives the image over the registry HTTP API. */
    record Registry(String reference) implements ImageTarget {
        public Registry {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public String kind() {
            return "registry";
        }
    }

    /** An OCI image-layout tar file, which {@code skopeo}, {@code docker load} (25+) and {@code podman load} read. */
    record Tar(String reference, Path file) implements ImageTarget {
        public Tar {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String kind() {
            return "tar";
        }
    }

    /** A local Docker or Podman engine, loaded through its command-line client in Docker image format. */
    record Daemon(String reference, Path executable) implements ImageTarget {
        public Daemon {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(executable, "executable");
        }

        @Override
        public String kind() {
            return "docker";
        }
    }
}
