package org.teleris.ris.infrastructure.contexts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.teleris.ris.application.SessionUser;
import org.teleris.ris.application.SignedInUsers;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;
import org.teleris.triage.application.CurrentParticipant;
import org.teleris.triage.domain.Participant;

/** Tells the triage context who is calling, from the signed-in session or an enabled account. */
@ApplicationScoped
public class TriageParticipants implements CurrentParticipant {

    @Inject
    SignedInUsers signedIn;

    @Inject
    UserAccountRepository accounts;

    @Override
    public Optional<Participant> current() {
        return signedIn.current().map(TriageParticipants::participant);
    }

    @Override
    @Transactional
    public Optional<Participant> byUsername(String username) {
        return accounts.findByUsername(username).filter(UserAccount::enabled).map(SessionUser::of)
                .map(TriageParticipants::participant);
    }

    @Override
    @Transactional
    public Optional<Participant> byUserId(String userId) {
        return accounts.find(userId).filter(UserAccount::enabled).map(SessionUser::of)
                .map(TriageParticipants::participant);
    }

    private static Participant participant(SessionUser user) {
        return new Participant(user.userId(), user.username(), user.displayName(),
                Participant.Role.valueOf(user.role().name()), user.organisationId(), user.organisationName());
    }
}
