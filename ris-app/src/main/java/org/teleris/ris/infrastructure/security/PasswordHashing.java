package org.teleris.ris.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA-512 with a 32-byte random salt (Jakarta Security's implementation). Each stored
 * hash carries its own algorithm, iterations and salt, so raising the work factor later does not
 * invalidate existing passwords.
 */
@ApplicationScoped
public class PasswordHashing implements org.teleris.ris.application.PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA512. */
    @Inject
    @ConfigProperty(name = "ris.password.iterations", defaultValue = "210000")
    int iterations;

    private String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        dummyHash = pbkdf2.generate("not a password of anyone".toCharArray());
    }

    public String hash(char[] password) {
        return pbkdf2.generate(password);
    }

    public boolean matches(char[] password, String storedHash) {
        return pbkdf2.verify(password, storedHash);
    }

    /** Spends the same time as a real check, so that response times do not reveal which usernames exist. */
    public void burnEquivalentTime(char[] password) {
        pbkdf2.verify(password, dummyHash);
    }
}
