package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.transaction.Transactional;
import org.teleris.ris.domain.audit.AuditAction;
import org.teleris.ris.domain.audit.AuditEntry;
import org.teleris.ris.domain.audit.AuditOutcome;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

/** Logging in and out, each attempt audited. */
@ApplicationScoped
public class Authentication {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserAccountRepository accounts;

    @Inject
    SignedInUsers signedIn;

    @Inject
    AuditLog auditLog;

    @Transactional(dontRollbackOn = LoginFailedException.class)
    public SessionUser login(String username, String password) throws LoginFailedException {
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        UserAccount account = result.getStatus() == CredentialValidationResult.Status.VALID
                ? accounts.findByUsername(result.getCallerPrincipal().getName()).orElse(null)
                : null;
        if (account == null) {
            // The attempted name is not recorded: people type their password into the username field.
            auditLog.record(new AuditEntry(AuditEntry.ANONYMOUS, null, AuditAction.USER_LOGIN_FAILED, null, null,
                    AuditOutcome.FAILURE));
            throw new LoginFailedException();
        }
        SessionUser user = SessionUser.of(account);
        signedIn.signIn(user);
        auditLog.record(new AuditEntry(user.username(), user.organisationId(), AuditAction.USER_LOGIN, "user",
                user.userId(), AuditOutcome.SUCCESS));
        return user;
    }

    @Transactional
    public void logout() {
        signedIn.current().ifPresent(user -> auditLog.record(new AuditEntry(user.username(), user.organisationId(),
                AuditAction.USER_LOGOUT, "user", user.userId(), AuditOutcome.SUCCESS)));
        signedIn.signOut();
    }
}
