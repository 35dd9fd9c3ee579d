package org.teleris.consult.domain.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reporting state machine and the report's rules: who may do what, signing, second read, addenda, time limits. */
class ReportWorkflowTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final Actor EXPERT = new Actor("u-e1", "expert", "Expert One", Actor.Kind.EXPERT, "ref");
    static final Actor EXPERT2 = new Actor("u-e2", "expert2", "Expert Two", Actor.Kind.EXPERT, "ref");
    static final Actor ADMIN = new Actor("u-a", "admin", "Admin", Actor.Kind.ADMIN, "ref");
    static final Actor DOCTOR = new Actor("u-d", "doctor", "Doctor", Actor.Kind.OTHER, "north");

    final SeverityRules rules = SeverityRules.standard();
    final ReportingTimeLimits limits = ReportingTimeLimits.parse(null);

    ConsultReport received(ClinicalPicture clinical, String modality, String bodyPart) {
        return ConsultReport.receive(new StudyContext("case-1", "s-1", "north", "Northern", "1.2.3", 2, 120, "COVID?",
                modality, bodyPart, clinical, 5, "PENDING"), limits, rules, T0);
    }

    ConsultReport received() {
        return received(ClinicalPicture.vitals(37.2, 18, 97, null), "CT", "CHEST");
    }

    static ReportDraft draft(int totalPct, CtClass ctClass, String comment) {
        return new ReportDraft(true, false, false, false, false, null, true, true, true, false, totalPct, totalPct,
                null, Dynamics.NO_PREVIOUS, null, null, false, false, false, false, ctClass, comment,
                "Bilateral ground glass", "Telemonitoring");
    }

    @Test
    void tableAllowsExactlyTheseCommands() {
        assertEquals(EnumSet.of(ReportCommand.CLAIM, ReportCommand.ASSIGN), ReportStateMachine.allowedIn(ReportState.WAITING));
        assertEquals(EnumSet.of(ReportCommand.RELEASE, ReportCommand.ASSIGN, ReportCommand.SAVE_DRAFT, ReportCommand.SIGN),
                ReportStateMachine.allowedIn(ReportState.IN_REPORTING));
        assertEquals(EnumSet.of(ReportCommand.SECOND_READ_AGREE, ReportCommand.SECOND_READ_DISAGREE),
                ReportStateMachine.allowedIn(ReportState.AWAITING_SECOND_READ));
        assertEquals(EnumSet.of(ReportCommand.ADD_ADDENDUM), ReportStateMachine.allowedIn(ReportState.DELIVERED));
    }

    @ParameterizedTest
    @EnumSource(ReportState.class)
    void everyCommandNotInTheTableIsRefusedWithWhatIsAllowed(ReportState state) {
        for (ReportCommand command : ReportCommand.values()) {
            if (!ReportStateMachine.allowedIn(state).contains(command)) {
                IllegalReportTransitionException e = assertThrows(IllegalReportTransitionException.class,
                        () -> ReportStateMachine.targets(state, command));
                assertEquals(state, e.current());
                assertEquals(ReportStateMachine.allowedIn(state), e.allowed());
            }
        }
    }

    @Test
    void priorityAndDueTimeComeFromClinicalDataAndTheConfiguredLimits() {
        ConsultReport routine = received();
        assertEquals(Priority.ROUTINE, routine.priority());
        assertEquals(CaseType.CHEST_CT, routine.caseType());
        assertEquals(T0.plus(Duration.ofHours(4)), routine.dueAt());
        ConsultReport urgent = received(ClinicalPicture.vitals(38.9, 31, 93, null), "CT", "CHEST");
        assertEquals(Priority.URGENT, urgent.priority());
        assertEquals(T0.plus(Duration.ofHours(1)), urgent.dueAt());
        ConsultReport other = received(ClinicalPicture.NONE, "MR", "OTHER");
        assertEquals(CaseType.OTHER, other.caseType());
        assertEquals(T0.plus(Duration.ofHours(24)), other.dueAt());
        ReportingTimeLimits custom = ReportingTimeLimits.parse("ROUTINE.CHEST_CT=PT2S");
        assertEquals(Duration.ofSeconds(2), custom.limit(Priority.ROUTINE, CaseType.CHEST_CT));
        assertEquals(Duration.ofHours(1), custom.limit(Priority.URGENT, CaseType.CHEST_CT));
        assertThrows(IllegalArgumentException.class, () -> ReportingTimeLimits.parse("URGENT=PT1H"));
        assertThrows(IllegalArgumentException.class, () -> ReportingTimeLimits.parse("URGENT.CHEST_CT=PT0S"));
    }

    @Test
    void onlyExpertsClaimOnlyTheHolderWritesAndReleases() {
        ConsultReport r = received();
        assertThrows(ReportNotPermittedException.class, () -> r.claim(DOCTOR, T0));
        assertThrows(ReportNotPermittedException.class, () -> r.claim(ADMIN, T0));
        r.claim(EXPERT, T0);
        assertEquals(ReportState.IN_REPORTING, r.state());
        IllegalReportTransitionException twice = assertThrows(IllegalReportTransitionException.class,
                () -> r.claim(EXPERT2, T0));
        assertEquals(ReportState.IN_REPORTING, twice.current());
        assertThrows(ReportNotPermittedException.class, () -> r.saveDraft(EXPERT2, draft(10, CtClass.CT1, null)));
        assertThrows(ReportNotPermittedException.class, () -> r.release(EXPERT2));
        r.release(ADMIN);
        assertEquals(ReportState.WAITING, r.state());
        assertNull(r.holderUserId());
    }

    @Test
    void assignToAnotherExpertOnly() {
        ConsultReport r = received();
        assertThrows(ReportNotPermittedException.class, () -> r.assign(DOCTOR, EXPERT, T0));
        assertThrows(ReportNotPermittedException.class, () -> r.assign(ADMIN, DOCTOR, T0));
        r.assign(ADMIN, EXPERT, T0);
        assertEquals("u-e1", r.holderUserId());
        assertThrows(ReportNotPermittedException.class, () -> r.assign(EXPERT2, EXPERT2, T0), "not the holder");
        assertThrows(ReportNotPermittedException.class, () -> r.assign(EXPERT, EXPERT, T0), "already holds it");
        r.assign(EXPERT, EXPERT2, T0);
        assertEquals("u-e2", r.holderUserId());
    }

    @Test
    void signingNeedsClassConclusionAndAReasonToDisagreeWithTheProposal() {
        ConsultReport r = received();
        r.claim(EXPERT, T0);
        assertThrows(ReportIncompleteException.class, () -> r.sign(EXPERT, rules, T0), "no class");
        r.saveDraft(EXPERT, draft(30, CtClass.CT1, null));
        assertEquals(CtClass.CT2, r.proposal(rules).proposed());
        ReportIncompleteException e = assertThrows(ReportIncompleteException.class, () -> r.sign(EXPERT, rules, T0));
        assertTrue(e.getMessage().contains("CT2"), e.getMessage());
        r.saveDraft(EXPERT, draft(30, CtClass.CT1, "Old fibrotic changes counted in"));
        ReportVersion v = r.sign(EXPERT, rules, T0.plusSeconds(60));
        assertEquals(1, v.number());
        assertTrue(v.disagreesWithProposal());
        assertEquals(CtClass.CT2, v.proposedClass());
        assertEquals(ReportState.AWAITING_SECOND_READ, r.state(), "CT-1 needs a second reader");
        assertThrows(IllegalReportTransitionException.class, () -> r.saveDraft(EXPERT, draft(40, CtClass.CT2, null)),
                "signed content is immutable");
    }

    @Test
    void disagreementWithTheAiIsRecorded() {
        ConsultReport r = received();
        r.noteAiResult("COVID-19 probability 0.91, CT-3 estimate", CtClass.CT3);
        r.claim(EXPERT, T0);
        r.saveDraft(EXPERT, draft(30, CtClass.CT2, null));
        assertThrows(ReportIncompleteException.class, () -> r.sign(EXPERT, rules, T0));
        r.saveDraft(EXPERT, draft(30, CtClass.CT2, "AI over-counts vessels"));
        ReportVersion v = r.sign(EXPERT, rules, T0);
        assertFalse(v.disagreesWithProposal());
        assertTrue(v.disagreesWithAi());
        assertEquals(CtClass.CT3, v.aiClass());
    }

    @Test
    void ct0IsDeliveredWithoutASecondRead() {
        ConsultReport r = received();
        r.claim(EXPERT, T0);
        r.saveDraft(EXPERT, new ReportDraft(false, false, false, false, false, null, false, false, false, false, 0, 0,
                0, null, null, null, false, false, false, false, CtClass.CT0, null, "No pneumonia", null));
        r.sign(EXPERT, rules, T0);
        assertEquals(ReportState.DELIVERED, r.state());
        assertEquals(T0, r.deliveredAt());
    }

    @Test
    void secondReaderMustBeAnotherExpertAndDisagreementGoesBackToTheFirstReader() {
        ConsultReport r = received();
        r.claim(EXPERT, T0);
        r.saveDraft(EXPERT, draft(30, CtClass.CT2, null));
        ReportVersion v1 = r.sign(EXPERT, rules, T0);
        assertThrows(ReportNotPermittedException.class, () -> r.secondRead(EXPERT, v1, true, null, T0));
        assertThrows(ReportNotPermittedException.class, () -> r.secondRead(ADMIN, v1, true, null, T0));
        assertThrows(ReportIncompleteException.class, () -> r.secondRead(EXPERT2, v1, false, " ", T0));
        r.secondRead(EXPERT2, v1, false, "Consolidation in S6 missed", T0.plusSeconds(120));
        assertEquals(ReportState.IN_REPORTING, r.state());
        assertEquals("u-e1", r.holderUserId(), "back to the first reader");
        assertEquals(Boolean.FALSE, v1.secondReadAgrees());
        assertEquals("Expert Two", v1.secondReaderName());
        r.saveDraft(EXPERT, draft(30, CtClass.CT2, null));
        ReportVersion v2 = r.sign(EXPERT, rules, T0.plusSeconds(300));
        assertEquals(2, v2.number());
        assertThrows(IllegalStateException.class, () -> r.secondRead(EXPERT2, v1, true, null, T0), "old version");
        r.secondRead(EXPERT2, v2, true, null, T0.plusSeconds(400));
        assertEquals(ReportState.DELIVERED, r.state());
        assertEquals("Expert One", v2.signedByName());
        assertEquals(T0.plusSeconds(300), v2.signedAt());
        assertEquals("Expert Two", v2.secondReaderName());
        assertEquals(T0.plusSeconds(400), v2.secondReadAt());
    }

    @Test
    void addendaOnlyAfterDeliveryNumberedAfterTheVersions() {
        ConsultReport r = received();
        assertThrows(IllegalReportTransitionException.class, () -> r.addAddendum(EXPERT, "x", T0));
        r.claim(EXPERT, T0);
        r.saveDraft(EXPERT, draft(30, CtClass.CT2, null));
        ReportVersion v1 = r.sign(EXPERT, rules, T0);
        r.secondRead(EXPERT2, v1, true, "Agree", T0);
        assertThrows(ReportNotPermittedException.class, () -> r.addAddendum(DOCTOR, "x", T0));
        assertThrows(ReportIncompleteException.class, () -> r.addAddendum(EXPERT, "  ", T0));
        ReportVersion a = r.addAddendum(EXPERT2, "PCR positive on day 6", T0.plusSeconds(3600));
        assertEquals(2, a.number());
        assertEquals(ReportVersion.Kind.ADDENDUM, a.kind());
        assertEquals(ReportState.DELIVERED, r.state());
        assertEquals(EnumSet.of(ReportCommand.ADD_ADDENDUM), ReportStateMachine.allowedIn(r.state()));
    }

    @Test
    void breachIsMarkedOnceAfterTheDueTimeAndNeverForDelivered() {
        ConsultReport r = received();
        assertFalse(r.markBreached(r.dueAt()), "at the due time it is not yet late");
        assertTrue(r.markBreached(r.dueAt().plusMillis(1)));
        assertFalse(r.markBreached(r.dueAt().plusSeconds(60)), "once");
        ConsultReport done = received();
        done.claim(EXPERT, T0);
        done.saveDraft(EXPERT, new ReportDraft(false, false, false, false, false, null, false, false, false, false,
                null, null, 0, null, null, null, false, false, false, false, CtClass.CT0, null, "Normal", null));
        done.sign(EXPERT, rules, T0);
        assertFalse(done.markBreached(done.dueAt().plusSeconds(1)));
    }

    @Test
    void draftRulesAndTheProposalUseTheCasesClinicalData() {
        assertThrows(IllegalArgumentException.class, () -> new ReportDraft(false, false, false, false, false,
                HydrothoraxSide.LEFT, false, false, false, false, null, null, null, null, null, null, false, false,
                false, false, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> draft(101, CtClass.CT4, null));
        assertEquals(40, new ReportDraft(true, false, false, false, false, null, false, false, false, false, 30, 50,
                null, null, null, null, false, false, false, false, null, null, null, null).effectiveTotalPct());
        ConsultReport r = received(ClinicalPicture.vitals(38.0, 31, 97, null).withSymptoms(Set.of(Symptom.COUGH), true),
                "CT", "CHEST");
        r.claim(EXPERT, T0);
        r.saveDraft(EXPERT, draft(10, null, null));
        SeverityProposal p = r.proposal(rules);
        assertEquals(CtClass.CT1, p.imagingClass());
        assertEquals(CtClass.CT3, p.clinicalClass());
        assertEquals(CtClass.CT3, p.proposed());
        assertTrue(r.confirmedCase(ConfirmedCaseCheck.standard()).confirmed());
    }
}
