package org.teleris.ris.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who logs in. The password is kept only as a salted PBKDF2 hash; the role decides
 * which kind of organisation the account may belong to (doctors to clinics, the rest to the
 * reference centre).
 */
@Entity
@Table(name = "user_account")
public class UserAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Column(nullable = false)
    private boolean enabled;

    protected UserAccount() {
    }

    public UserAccount(String username, String displayName, String passwordHash, Role role, Organisation organisation) {
        this.id = UUID.randomUUID().toString();
        this.username = normaliseUsername(username);
        this.displayName = Organisation.requireText(displayName, "display name");
        this.passwordHash = Objects.requireNonNull(passwordHash, "password hash");
        this.role = Objects.requireNonNull(role, "role");
        this.organisation = Objects.requireNonNull(organisation, "organisation");
        if (organisation.kind() != role.requiredOrganisationKind()) {
            throw new IllegalArgumentException("a " + role + " must belong to a " + role.requiredOrganisationKind()
                    + ", not to " + organisation.kind());
        }
        this.enabled = true;
    }

    /** A disabled account cannot sign in; the host ends its sessions and sockets at once. */
    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /** A new role, which must fit the organisation's kind like at creation. */
    public void changeRole(Role newRole) {
        Objects.requireNonNull(newRole, "role");
        if (organisation.kind() != newRole.requiredOrganisationKind()) {
            throw new IllegalArgumentException("a " + newRole + " must belong to a "
                    + newRole.requiredOrganisationKind() + ", not to " + organisation.kind());
        }
        role = newRole;
    }

    /** A password set by an administrator (the hash only). */
    public void resetPassword(String newPasswordHash) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "password hash");
    }

    /** Usernames are compared case-insensitively, so they are stored in lower case. */
    public static String normaliseUsername(String username) {
        String lower = Organisation.requireText(username, "username").toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("username must be 2-64 characters: letters, digits, '.', '_' or '-'");
        }
        return lower;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public Organisation organisation() {
        return organisation;
    }

    public boolean enabled() {
        return enabled;
    }
}
