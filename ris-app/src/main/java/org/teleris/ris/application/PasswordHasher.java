package org.teleris.ris.application;

/** Port: turns a new password into the stored hash. */
public interface PasswordHasher {

    String hash(char[] password);
}
