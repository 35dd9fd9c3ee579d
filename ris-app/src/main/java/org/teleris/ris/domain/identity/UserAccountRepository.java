package org.teleris.ris.domain.identity;

import java.util.List;
import java.util.Optional;

public interface UserAccountRepository {

    void add(UserAccount account);

    Optional<UserAccount> find(String id);

    Optional<UserAccount> findByUsername(String normalisedUsername);

    List<UserAccount> all();
}
