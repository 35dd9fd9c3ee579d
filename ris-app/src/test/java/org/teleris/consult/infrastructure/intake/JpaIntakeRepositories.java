package org.teleris.consult.infrastructure.intake;

import jakarta.persistence.EntityManager;
import org.teleris.consult.domain.intake.IntakeRepository;

/** For tests of the intake's application services in other packages: the real repository over a test database. */
public final class JpaIntakeRepositories {

    private JpaIntakeRepositories() {
    }

    public static IntakeRepository over(EntityManager em) {
        return new JpaIntakeRepository(em);
    }
}
