/**
 * Jakarta Security wiring: the session-based authentication mechanism, the database identity store
 * and PBKDF2 password hashing.
 */
package org.teleris.ris.infrastructure.security;
