package org.teleris.ris.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationKind;
import org.teleris.ris.domain.identity.Role;
import org.teleris.ris.domain.identity.UserAccount;

class IdentityPersistenceTest {

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void accountsAndTheirOrganisationsRoundTrip(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction("ris", em -> {
                Organisation clinic = new Organisation("North", OrganisationKind.REGIONAL_CLINIC, List.of("N1", "N2"));
                new JpaOrganisationRepository(em).add(clinic);
                new JpaUserAccountRepository(em).add(new UserAccount("dr.a", "Dr A", "pbkdf2-hash", Role.DOCTOR, clinic));
                return null;
            });
            UserAccount loaded = db.inTransaction("ris",
                    em -> new JpaUserAccountRepository(em).findByUsername("dr.a").orElseThrow());
            assertEquals("North", loaded.organisation().name());
            assertEquals(List.of("N1", "N2"), loaded.organisation().aeTitles().stream().sorted().toList());
            assertEquals(Role.DOCTOR, loaded.role());
            assertTrue(loaded.enabled());
            assertTrue(db.inTransaction("ris", em -> new JpaUserAccountRepository(em).findByUsername("nobody")).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("org.teleris.ris.infrastructure.persistence.TestDatabase#kinds")
    void usernamesAndAeTitlesAreUniqueAcrossTenants(String kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction("ris", em -> {
                Organisation north = new Organisation("North", OrganisationKind.REGIONAL_CLINIC, List.of("SHARED"));
                new JpaOrganisationRepository(em).add(north);
                new JpaUserAccountRepository(em).add(new UserAccount("dr.a", "Dr A", "h", Role.DOCTOR, north));
                return null;
            });
            assertThrows(RuntimeException.class, () -> db.inTransaction("ris", em -> {
                Organisation south = new Organisation("South", OrganisationKind.REGIONAL_CLINIC, List.of("SHARED"));
                new JpaOrganisationRepository(em).add(south);
                return null;
            }));
            assertThrows(RuntimeException.class, () -> db.inTransaction("ris", em -> {
                Organisation south = new Organisation("South", OrganisationKind.REGIONAL_CLINIC, List.of());
                new JpaOrganisationRepository(em).add(south);
                new JpaUserAccountRepository(em).add(new UserAccount("DR.A", "Dr A2", "h", Role.DOCTOR, south));
                return null;
            }));
        }
    }
}
