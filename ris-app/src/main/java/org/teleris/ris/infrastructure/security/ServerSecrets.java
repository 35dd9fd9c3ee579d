package org.teleris.ris.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Server-side keys. Taken from configuration ({@code ris.secret.NAME}, base64) when given, which
 * is what a cluster must do so that every instance shares them; otherwise generated once into
 * the data directory, readable by the server's user only.
 */
@ApplicationScoped
public class ServerSecrets {

    private static final int KEY_BYTES = 32;

    @Inject
    @ConfigProperty(name = "ris.data.dir", defaultValue = "data")
    String dataDir;

    public synchronized byte[] key(String name, Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return Base64.getDecoder().decode(configured.get().strip());
        }
        Path file = Path.of(dataDir, "secrets", name + ".key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), name, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, Base64.getEncoder().encodeToString(key));
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the server key " + file, e);
        }
    }
}
