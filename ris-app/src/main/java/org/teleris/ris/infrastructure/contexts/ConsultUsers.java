package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.application.CurrentUser;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

/** Tells the stage II context who is calling, from the signed-in session or an enabled account. */
@ApplicationScoped
public class ConsultUsers implements CurrentUser {

    @Inject
    SignedInUsers signedIn;

    @Inject
    UserAccountRepository accounts;

    @Override
    public Optional<ConsultUser> current() {
        return signedIn.current().map(ConsultUsers::consultUser);
    }

    @Override
    @Transactional
    public Optional<ConsultUser> byUsername(String username) {
        return accounts.findByUsername(username).filter(UserAccount::enabled).map(SessionUser::of)
                .map(ConsultUsers::consultUser);
    }

    private static ConsultUser consultUser(SessionUser user) {
        return new ConsultUser(user.userId(), user.username(), user.displayName(),
                ConsultUser.Role.valueOf(user.role().name()), user.organisationId(), user.organisationName());
    }
}
