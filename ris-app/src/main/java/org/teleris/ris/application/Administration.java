package org.teleris.ris.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationRepository;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;

/** What the administrator reads about tenants and accounts. */
@ApplicationScoped
public class Administration {

    @Inject
    OrganisationRepository organisations;

    @Inject
    UserAccountRepository accounts;

    @Transactional
    public List<Organisation> organisations() {
        return organisations.all();
    }

    @Transactional
    public List<UserAccount> users() {
        return accounts.all();
    }
}
