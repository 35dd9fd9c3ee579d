package org.teleris.triage.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.teleris.triage.domain.BodyPart;
import org.teleris.triage.domain.CaseConversationRepository;
import org.teleris.triage.domain.CaseHistoryEntry;
import org.teleris.triage.domain.DeclineReason;
import org.teleris.triage.domain.Modality;
import org.teleris.triage.domain.Participant;
import org.teleris.triage.domain.TriageCase;
import org.teleris.triage.domain.TriageCaseRepository;
import org.teleris.triage.domain.TriageCommand;

/**
 * A finished demo period for the workload dashboard: past days of cases from the demo clinics,
 * claimed and decided by the demo consultants, with plausible times (a few over the triage
 * limit) and a different share of full-study requests per clinic. Every case is closed, so
 * nothing waits in the channel; no channel events or audit records are written (it is history,
 * not activity). Deterministic for a given seed. Only the demo set-up calls it.
 */
@ApplicationScoped
public class DemoTriageHistory {

    private static final List<String> QUESTIONS = List.of(
            "Bilateral ground-glass opacities on the scout image, day 5 of fever: is a full CT review needed?",
            "Subpleural consolidation in the lower lobes, SpO2 93 %: viral pneumonia likely?",
            "Unilateral lobar consolidation with fever: bacterial or viral pattern?",
            "Crazy-paving pattern suspected on two slices: please advise on the extent.",
            "Follow-up after two weeks: are the opacities resolving?",
            "Solitary nodule found incidentally during screening for pneumonia: what next?");

    @Inject
    TriageCaseRepository cases;

    @Inject
    CaseConversationRepository conversation;

    @Inject
    CurrentParticipant participants;

    /** What one clinic sends: cases per day (mean) and how often the consultants ask for the full study. */
    public record ClinicProfile(String doctorUsername, double casesPerDay, double fullStudyShare) {
    }

    /** A demo case whose consultant asked for the full study: what stage II's demo period starts from. */
    public record FullStudyRequest(String caseId, String organisationId, String organisationName, String question,
                                   Instant requestedAt) {
    }

    /** What the demo period holds: every case written, and those that went on to stage II. */
    public record Seeded(int cases, List<FullStudyRequest> fullStudyRequests) {
    }

    @Transactional
    public Seeded seed(List<ClinicProfile> clinics, List<String> consultantUsernames, int days, Instant now, long seed) {
        Random random = new Random(seed);
        List<Participant> consultants = new ArrayList<>();
        for (String username : consultantUsernames) {
            participants.byUsername(username).ifPresent(consultants::add);
        }
        if (consultants.isEmpty()) {
            return new Seeded(0, List.of());
        }
        Instant today = now.truncatedTo(ChronoUnit.DAYS);
        int written = 0;
        List<FullStudyRequest> requests = new ArrayList<>();
        for (ClinicProfile clinic : clinics) {
            Participant doctor = participants.byUsername(clinic.doctorUsername()).orElse(null);
            if (doctor == null) {
                continue;
            }
            for (int day = days; day >= 1; day--) {
                Instant dayStart = today.minus(Duration.ofDays(day));
                int count = (int) Math.round(clinic.casesPerDay() * (0.5 + random.nextDouble()));
                for (int i = 0; i < count; i++) {
                    Instant created = dayStart.plus(Duration.ofMinutes(8 * 60 + random.nextInt(11 * 60)));
                    writeCase(doctor, consultants.get(random.nextInt(consultants.size())), clinic, created, random)
                            .ifPresent(requests::add);
                    written++;
                }
            }
        }
        return new Seeded(written, List.copyOf(requests));
    }

    private Optional<FullStudyRequest> writeCase(Participant doctor, Participant consultant, ClinicProfile clinic, Instant created,
                           Random random) {
        TriageCase c = TriageCase.submit(doctor, QUESTIONS.get(random.nextInt(QUESTIONS.size())), Modality.CT,
                BodyPart.CHEST, created);
        cases.add(c);
        conversation.add(new CaseHistoryEntry(c, doctor, CaseHistoryEntry.SUBMITTED, null, created));
        if (random.nextDouble() < 0.04) {
            c.cancel(doctor);
            conversation.add(new CaseHistoryEntry(c, doctor, TriageCommand.CANCEL.name(), null,
                    created.plus(Duration.ofMinutes(3 + random.nextInt(20)))));
            return Optional.empty();
        }
        // minutes to claim: mostly within ten, a tail beyond the limit
        double claimMinutes = random.nextDouble() < 0.1 ? 30 + random.nextDouble() * 40 : 1 + random.nextDouble() * 14;
        Instant claimed = created.plusSeconds(Math.round(claimMinutes * 60));
        c.claim(consultant, true, claimed);
        conversation.add(new CaseHistoryEntry(c, consultant, TriageCommand.CLAIM.name(), null, claimed));
        Instant decided = claimed.plusSeconds(Math.round((3 + random.nextDouble() * 25) * 60));
        double outcome = random.nextDouble();
        if (outcome < clinic.fullStudyShare()) {
            c.requestFullStudy(consultant, "Please upload the full chest CT series (thin slices).", decided);
            conversation.add(new CaseHistoryEntry(c, consultant, TriageCommand.REQUEST_FULL_STUDY.name(), null, decided));
            return Optional.of(new FullStudyRequest(c.id(), doctor.organisationId(), doctor.organisationName(),
                    c.question(), decided));
        } else if (outcome < clinic.fullStudyShare() + (1 - clinic.fullStudyShare()) * 0.45) {
            DeclineReason reason = DeclineReason.values()[random.nextInt(DeclineReason.values().length)];
            c.decline(consultant, reason, "Outside the scope of the viral pneumonia service; see the advice.", decided);
            conversation.add(new CaseHistoryEntry(c, consultant, TriageCommand.DECLINE.name(), reason.name(), decided));
        } else {
            c.answer(consultant, "Pattern typical of viral pneumonia; manage locally and follow up.", decided);
            conversation.add(new CaseHistoryEntry(c, consultant, TriageCommand.ANSWER.name(), null, decided));
        }
        return Optional.empty();
    }
}
