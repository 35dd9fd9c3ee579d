package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationRepository;
import org.teleris.ris.domain.identity.Role;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

/** The admin creates accounts and disables or re-enables them; every change is audited. */
@ApplicationScoped
public class AccountAdministration {

    static final int MIN_PASSWORD = 10;

    @Inject
    UserAccountRepository accounts;

    @Inject
    OrganisationRepository organisations;

    @Inject
    PasswordHasher hasher;

    @Inject
    UserSessions sessions;

    @Inject
    AuditLog auditLog;

    @Transactional
    public UserAccount create(SessionUser admin, String username, String displayName, Role role, String organisationId,
                              char[] password) {
        try {
            if (password == null || password.length < MIN_PASSWORD) {
                throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
            }
            if (accounts.findByUsername(UserAccount.normaliseUsername(username)).isPresent()) {
                throw new IllegalArgumentException("the username " + UserAccount.normaliseUsername(username)
                        + " is taken");
            }
            Organisation organisation = organisations.find(organisationId)
                    .orElseThrow(() -> new IllegalArgumentException("no organisation " + organisationId));
            UserAccount account = new UserAccount(username, displayName, hasher.hash(password), role, organisation);
            accounts.add(account);
            auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.USER_CREATED,
                    "user", account.id(), AuditOutcome.SUCCESS));
            return account;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Disabled at once: the account's sessions and sockets end now, and it cannot sign in. */
    @Transactional
    public UserAccount disable(SessionUser admin, String userId) {
        UserAccount account = find(userId);
        if (account.id().equals(admin.userId())) {
            throw new IllegalArgumentException("you cannot disable your own account");
        }
        account.disable();
        int ended = sessions.endAllOf(account.id());
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.USER_DISABLED, "user",
                account.id(), AuditOutcome.SUCCESS));
        java.util.logging.Logger.getLogger(AccountAdministration.class.getName())
                .info(() -> "account " + account.id() + " disabled; " + ended + " session(s) and socket(s) ended");
        return account;
    }

    @Transactional
    public UserAccount enable(SessionUser admin, String userId) {
        UserAccount account = find(userId);
        account.enable();
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.USER_ENABLED, "user",
                account.id(), AuditOutcome.SUCCESS));
        return account;
    }

    /**
     * A new role (fitting the organisation's kind). The user's sessions and sockets end at once:
     * a session carries the role it signed in with.
     */
    @Transactional
    public UserAccount changeRole(SessionUser admin, String userId, Role role) {
        UserAccount account = find(userId);
        if (account.id().equals(admin.userId())) {
            throw new IllegalArgumentException("you cannot change your own role");
        }
        account.changeRole(role);
        sessions.endAllOf(account.id());
        auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.USER_ROLE_CHANGED,
                "user", account.id(), AuditOutcome.SUCCESS));
        return account;
    }

    /** A new password set by the administrator; the user's open sessions and sockets end at once. */
    @Transactional
    public UserAccount resetPassword(SessionUser admin, String userId, char[] password) {
        try {
            if (password == null || password.length < MIN_PASSWORD) {
                throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
            }
            UserAccount account = find(userId);
            account.resetPassword(hasher.hash(password));
            sessions.endAllOf(account.id());
            auditLog.record(new AuditEntry(admin.username(), admin.organisationId(), AuditAction.USER_PASSWORD_RESET,
                    "user", account.id(), AuditOutcome.SUCCESS));
            return account;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private UserAccount find(String userId) {
        return accounts.find(userId).orElseThrow(() -> new RecordNotFoundException(userId));
    }
}
