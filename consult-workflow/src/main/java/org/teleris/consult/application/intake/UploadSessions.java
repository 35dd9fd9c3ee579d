package org.teleris.consult.application.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.teleris.consult.application.ConsultUser;
import org.teleris.consult.domain.intake.IntakeRejection;
import org.teleris.consult.domain.intake.IntakeRepository;
import org.teleris.consult.domain.intake.SessionStudy;
import org.teleris.consult.domain.intake.StudyReceived;
import org.teleris.consult.domain.intake.UploadSession;
import org.teleris.consult.domain.intake.UploadSessionState;

/** Opens a case's upload session, shows its progress, and completes it (by the doctor or by quiet time). */
@ApplicationScoped
public class UploadSessions implements OpenUploadSessions {

    static final int REJECTIONS_SHOWN = 200;

    /** A session as the pages and clients see it: live counts and the reasons of every refusal. */
    public record SessionView(String id, String caseId, String organisationId, UploadSessionState state,
                              int stored, int duplicates, int conflicts, int rejected, long storedBytes,
                              String channels, Instant createdAt, Instant lastReceivedAt, Instant completedAt,
                              String completedBy, List<StudyView> studies, List<RejectionView> rejections) {
    }

    /** A study in a session, by its de-identified UID. */
    public record StudyView(String studyInstanceUid, String patientPseudonym, int seriesCount, int instanceCount) {
    }

    /** What a new upload needs of its session: whose it is and whether it still accepts instances. */
    public record Admission(String organisationId, UploadSessionState state) {
    }

    /** One refusal or conflict, as the sender was told. */
    public record RejectionView(String status, String reasonCode, String reason, String sopInstanceUid,
                                String channel, Instant at) {
    }

    @Inject
    IntakeRepository repository;

    @Inject
    Event<StudyReceived> studyReceived;

    @Inject
    Clock clock;

    /** Idempotent: a case has one session. */
    @Transactional
    public String open(String caseId, String organisationId) {
        return repository.sessionOfCase(caseId).map(UploadSession::id).orElseGet(() -> {
            UploadSession session = new UploadSession(caseId, organisationId, clock.instant());
            repository.add(session);
            return session.id();
        });
    }

    @Override
    @Transactional
    public Optional<String> openSessionFor(String organisationId) {
        return repository.openSessionsOf(organisationId).stream().findFirst().map(UploadSession::id);
    }

    @Transactional
    public SessionView ofCase(ConsultUser reader, String caseId) {
        return view(repository.sessionOfCase(caseId).filter(s -> reader.maySee(s.organisationId()))
                .orElseThrow(() -> new UploadSessionNotFoundException("for case " + caseId)));
    }

    @Transactional
    public SessionView describe(ConsultUser reader, String sessionId) {
        return view(visible(reader, sessionId));
    }

    /** Like {@link #describe} without loading the session's instances: asked once per uploaded file. */
    @Transactional
    public Admission admission(ConsultUser sender, String sessionId) {
        UploadSession session = visible(sender, sessionId);
        return new Admission(session.organisationId(), session.state());
    }

    /** The doctor of the sending clinic says the study is all there; it goes to the experts. */
    @Transactional
    public SessionView complete(ConsultUser doctor, String sessionId) {
        UploadSession session = repository.lockedSession(sessionId).filter(s -> doctor.maySee(s.organisationId()))
                .orElseThrow(() -> new UploadSessionNotFoundException(sessionId));
        session.complete(doctor.username(), clock.instant());
        announce(session);
        return view(session);
    }

    /** Sessions fed only by C-STORE and quiet for the period complete by themselves. */
    @Transactional
    public int completeQuietSessions(Duration quietPeriod) {
        Instant now = clock.instant();
        int completed = 0;
        for (UploadSession candidate : repository.receivingSessions()) {
            if (candidate.isQuietCStoreSession(now, quietPeriod)) {
                UploadSession session = repository.lockedSession(candidate.id()).orElseThrow();
                if (session.isQuietCStoreSession(now, quietPeriod)) {
                    session.complete("quiet period (C-STORE)", now);
                    announce(session);
                    completed++;
                }
            }
        }
        return completed;
    }

    private void announce(UploadSession session) {
        for (SessionStudy study : repository.studiesOfSession(session.id())) {
            studyReceived.fire(new StudyReceived(session.id(), session.caseId(), session.organisationId(),
                    study.studyInstanceUid(), study.seriesCount(), study.instanceCount()));
        }
    }

    private UploadSession visible(ConsultUser reader, String sessionId) {
        return repository.session(sessionId).filter(s -> reader.maySee(s.organisationId()))
                .orElseThrow(() -> new UploadSessionNotFoundException(sessionId));
    }

    private SessionView view(UploadSession s) {
        List<StudyView> studies = repository.studiesOfSession(s.id()).stream().map(study -> new StudyView(
                study.studyInstanceUid(), study.patientPseudonym(), study.seriesCount(), study.instanceCount())).toList();
        List<RejectionView> rejections = repository.rejectionsOf(s.id(), REJECTIONS_SHOWN).stream()
                .map(UploadSessions::rejection).toList();
        return new SessionView(s.id(), s.caseId(), s.organisationId(), s.state(), s.storedCount(),
                s.duplicateCount(), s.conflictCount(), s.rejectedCount(), s.storedBytes(), s.channels(), s.createdAt(),
                s.lastReceivedAt(), s.completedAt(), s.completedBy(), studies, rejections);
    }

    private static RejectionView rejection(IntakeRejection r) {
        return new RejectionView(r.status(), r.reasonCode(), r.reason(), r.sopInstanceUid(), r.receivedVia(), r.at());
    }
}
