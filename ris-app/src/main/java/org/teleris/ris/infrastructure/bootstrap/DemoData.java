package org.teleris.ris.infrastructure.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teleris.consult.application.reporting.DemoReportingHistory;
import org.teleris.ris.domain.identity.Organisation;
import org.teleris.ris.domain.identity.OrganisationKind;
import org.teleris.ris.domain.identity.OrganisationRepository;
import org.teleris.ris.domain.identity.Role;
import org.teleris.ris.domain.identity.UserAccount;
import org.teleris.ris.domain.identity.UserAccountRepository;
import org.teleris.ris.infrastructure.security.PasswordHashing;
import org.teleris.triage.application.DemoTriageHistory;
import org.teleris.triage.application.DutyRoster;
import org.teleris.triage.domain.DutyShift;

/**
 * The demonstration tenants and one account per role, created on an empty database when
 * {@code ris.demo.seed} is true (the README's run command and the integration tests). The
 * passwords are public: never enable this on a server with real data.
 */
@ApplicationScoped
public class DemoData {

    static final String REFERENCE_CENTRE = "Reference Centre";
    static final String NORTH = "Northern Regional Clinic";
    static final String SOUTH = "Southern District Hospital";

    record DemoOrganisation(String name, OrganisationKind kind, List<String> aeTitles) {
    }

    record DemoAccount(String username, String password, String displayName, Role role, String organisation) {
    }

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(REFERENCE_CENTRE, OrganisationKind.REFERENCE_CENTRE, List.of("RIS_REF")),
            new DemoOrganisation(NORTH, OrganisationKind.REGIONAL_CLINIC, List.of("NORTH_CT", "NORTH_PACS")),
            new DemoOrganisation(SOUTH, OrganisationKind.REGIONAL_CLINIC, List.of("SOUTH_CT")));

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("doctor.north", "north-demo", "Dr. Anna Petrova", Role.DOCTOR, NORTH),
            new DemoAccount("doctor.south", "south-demo", "Dr. Ivan Sokolov", Role.DOCTOR, SOUTH),
            new DemoAccount("consultant", "consultant-demo", "Dr. Elena Volkova", Role.CONSULTANT, REFERENCE_CENTRE),
            new DemoAccount("consultant2", "consultant2-demo", "Dr. Pavel Lebedev", Role.CONSULTANT, REFERENCE_CENTRE),
            new DemoAccount("expert", "expert-demo", "Dr. Mikhail Orlov", Role.EXPERT, REFERENCE_CENTRE),
            new DemoAccount("expert2", "expert2-demo", "Dr. Olga Smirnova", Role.EXPERT, REFERENCE_CENTRE),
            new DemoAccount("admin", "admin-demo", "Sergey Kuznetsov", Role.ADMIN, REFERENCE_CENTRE));

    @Inject
    OrganisationRepository organisations;

    @Inject
    UserAccountRepository accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    DutyRoster roster;

    @Inject
    DemoTriageHistory history;

    @Inject
    DemoReportingHistory reportingHistory;

    /** @return true when the demo data was created now, false when the database already had tenants */
    @Transactional
    public boolean seedIfEmpty() {
        if (!organisations.all().isEmpty()) {
            return false;
        }
        Map<String, Organisation> byName = new HashMap<>();
        for (DemoOrganisation demo : ORGANISATIONS) {
            Organisation organisation = new Organisation(demo.name(), demo.kind(), demo.aeTitles());
            organisations.add(organisation);
            byName.put(demo.name(), organisation);
        }
        for (DemoAccount demo : ACCOUNTS) {
            accounts.add(new UserAccount(demo.username(), demo.displayName(),
                    passwords.hash(demo.password().toCharArray()), demo.role(), byName.get(demo.organisation())));
        }
        return true;
    }

    /**
     * Puts the demo consultants on duty from now for the longest shift the roster allows, unless
     * they already are, so that a demo started again next month still has someone to claim cases.
     */
    @Transactional
    public void putDemoConsultantsOnDuty() {
        Instant now = Instant.now();
        Set<String> onDuty = new HashSet<>();
        roster.upcoming().stream().filter(DutyRoster.ShiftView::onDutyNow)
                .forEach(shift -> onDuty.add(shift.consultantUserId()));
        for (DemoAccount demo : ACCOUNTS) {
            if (demo.role() != Role.CONSULTANT) {
                continue;
            }
            accounts.findByUsername(demo.username()).map(UserAccount::id).filter(id -> !onDuty.contains(id))
                    .ifPresent(id -> roster.add(id, now, now.plus(DutyShift.LONGEST_SHIFT)));
        }
    }

    /** What the demo period wrote: closed stage I cases, and stage II reports for the full studies asked for. */
    public record History(int cases, int reports) {
    }

    /**
     * A finished demo period for the workload dashboard: stage I cases, and the expert reports on the
     * full studies the consultants asked for (only on a database the demo set-up has just created,
     * and only when {@code ris.demo.history-days} is above zero).
     */
    public History seedHistory(int days) {
        Instant now = Instant.now();
        DemoTriageHistory.Seeded triage = history.seed(List.of(
                        new DemoTriageHistory.ClinicProfile("doctor.north", 6, 0.3),
                        new DemoTriageHistory.ClinicProfile("doctor.south", 4, 0.15)),
                List.of("consultant", "consultant2"), days, now, 20261123L);
        List<DemoReportingHistory.DemoStudy> studies = triage.fullStudyRequests().stream()
                .map(r -> new DemoReportingHistory.DemoStudy(r.caseId(), r.organisationId(), r.organisationName(),
                        r.question(), r.requestedAt()))
                .toList();
        int reports = reportingHistory.seed(studies, List.of("expert", "expert2"), now, 20261207L);
        return new History(triage.cases(), reports);
    }

    /** The credentials banner printed to the console of whoever started the demo. */
    static String banner() {
        StringBuilder text = new StringBuilder("\n==== Demo accounts (ris.demo.seed=true) ====\n");
        for (DemoAccount demo : ACCOUNTS) {
            text.append(String.format("  %-11s %-13s / %-17s %s%n", demo.role(), demo.username(), demo.password(),
                    demo.organisation()));
        }
        return text.append("=============================================").toString();
    }
}
