package org.teleris.ris.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityRulesTest {

    private final Organisation clinic = new Organisation("Clinic", OrganisationKind.REGIONAL_CLINIC, List.of("ct_1"));
    private final Organisation centre = new Organisation("Centre", OrganisationKind.REFERENCE_CENTRE, List.of());

    @Test
    void doctorsBelongToClinicsOnly() {
        assertEquals(Role.DOCTOR, new UserAccount("doc", "Dr", "hash", Role.DOCTOR, clinic).role());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new UserAccount("doc", "Dr", "hash", Role.DOCTOR, centre));
        assertTrue(refused.getMessage().contains("REGIONAL_CLINIC"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONSULTANT", "EXPERT", "ADMIN"})
    void referenceCentreRolesBelongToTheCentreOnly(Role role) {
        assertEquals(role, new UserAccount("someone", "Someone", "hash", role, centre).role());
        assertThrows(IllegalArgumentException.class, () -> new UserAccount("someone", "Someone", "hash", role, clinic));
        assertTrue(role.seesAllOrganisations());
    }

    @Test
    void onlyDoctorsAreConfinedToTheirOrganisation() {
        assertEquals(false, Role.DOCTOR.seesAllOrganisations());
    }

    @Test
    void usernamesAreCaseInsensitive() {
        assertEquals("dr.ivanov", new UserAccount(" Dr.Ivanov ", "Dr", "hash", Role.DOCTOR, clinic).username());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "имя", "has space", "semi;colon", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void badUsernamesAreRefused(String username) {
        assertThrows(IllegalArgumentException.class, () -> new UserAccount(username, "Dr", "hash", Role.DOCTOR, clinic));
    }

    @Test
    void aeTitlesAreUpperCasedAndChecked() {
        assertEquals(List.of("CT_1"), clinic.aeTitles());
        assertThrows(IllegalArgumentException.class,
                () -> new Organisation("X", OrganisationKind.REGIONAL_CLINIC, List.of("SEVENTEEN_CHARSXX")));
        assertThrows(IllegalArgumentException.class,
                () -> new Organisation("X", OrganisationKind.REGIONAL_CLINIC, List.of("BACK\\SLASH")));
        assertThrows(IllegalArgumentException.class, () -> new Organisation(" ", OrganisationKind.REGIONAL_CLINIC, List.of()));
    }
}
