package org.teleris.ris.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

/** Checks usernames and passwords against the user accounts in the database. */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    UserAccountRepository accounts;

    @Inject
    PasswordHashing passwords;

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<UserAccount> account = findAccount(login.getCaller());
        char[] password = login.getPassword().getValue();
        if (account.isEmpty() || !account.get().enabled()) {
            passwords.burnEquivalentTime(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.get().username(), Set.of(account.get().role().name()));
    }

    private Optional<UserAccount> findAccount(String username) {
        try {
            return accounts.findByUsername(UserAccount.normaliseUsername(username));
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
    }
}
