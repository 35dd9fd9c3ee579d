package org.teleris.consult.domain.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The structured content of a report as columns: the draft on the report, and each signed version. */
@Embeddable
public class ReportContent {

    @Column(name = "ground_glass")
    private Boolean groundGlass;

    @Column(name = "consolidation")
    private Boolean consolidation;

    @Column(name = "crazy_paving")
    private Boolean crazyPaving;

    @Column(name = "reticular")
    private Boolean reticular;

    @Column(name = "hydrothorax")
    private Boolean hydrothorax;

    @Enumerated(EnumType.STRING)
    @Column(name = "hydrothorax_side")
    private HydrothoraxSide hydrothoraxSide;

    @Column(name = "dist_bilateral")
    private Boolean bilateral;

    @Column(name = "dist_lower_lobe")
    private Boolean lowerLobe;

    @Column(name = "dist_peripheral")
    private Boolean peripheral;

    @Column(name = "dist_perivascular")
    private Boolean perivascular;

    @Column(name = "involvement_right_pct")
    private Integer involvementRightPct;

    @Column(name = "involvement_left_pct")
    private Integer involvementLeftPct;

    @Column(name = "involvement_total_pct")
    private Integer involvementTotalPct;

    @Enumerated(EnumType.STRING)
    @Column(name = "dynamics")
    private Dynamics dynamics;

    @Column(name = "previous_total_pct")
    private Integer previousTotalPct;

    @Column(name = "hours_since_previous")
    private Integer hoursSincePrevious;

    @Column(name = "shock")
    private Boolean shock;

    @Column(name = "multiple_organ_failure")
    private Boolean multipleOrganFailure;

    @Column(name = "respiratory_failure")
    private Boolean respiratoryFailure;

    @Column(name = "other_cause_known")
    private Boolean otherCauseKnown;

    @Enumerated(EnumType.STRING)
    @Column(name = "ct_class")
    private CtClass ctClass;

    @Column(name = "disagreement_comment", length = ReportDraft.MAX_TEXT)
    private String disagreementComment;

    @Column(name = "conclusion", length = ReportDraft.MAX_TEXT)
    private String conclusion;

    @Column(name = "recommendations", length = ReportDraft.MAX_TEXT)
    private String recommendations;

    protected ReportContent() {
    }

    public static ReportContent of(ReportDraft d) {
        ReportContent c = new ReportContent();
        c.groundGlass = d.groundGlass();
        c.consolidation = d.consolidation();
        c.crazyPaving = d.crazyPaving();
        c.reticular = d.reticular();
        c.hydrothorax = d.hydrothorax();
        c.hydrothoraxSide = d.hydrothoraxSide();
        c.bilateral = d.bilateral();
        c.lowerLobe = d.lowerLobe();
        c.peripheral = d.peripheral();
        c.perivascular = d.perivascular();
        c.involvementRightPct = d.involvementRightPct();
        c.involvementLeftPct = d.involvementLeftPct();
        c.involvementTotalPct = d.involvementTotalPct();
        c.dynamics = d.dynamics();
        c.previousTotalPct = d.previousTotalPct();
        c.hoursSincePrevious = d.hoursSincePrevious();
        c.shock = d.shock();
        c.multipleOrganFailure = d.multipleOrganFailure();
        c.respiratoryFailure = d.respiratoryFailure();
        c.otherCauseKnown = d.otherCauseKnown();
        c.ctClass = d.ctClass();
        c.disagreementComment = d.disagreementComment();
        c.conclusion = d.conclusion();
        c.recommendations = d.recommendations();
        return c;
    }

    public ReportDraft toDraft() {
        return new ReportDraft(Boolean.TRUE.equals(groundGlass),
                Boolean.TRUE.equals(consolidation),
                Boolean.TRUE.equals(crazyPaving),
                Boolean.TRUE.equals(reticular),
                Boolean.TRUE.equals(hydrothorax),
                hydrothoraxSide,
                Boolean.TRUE.equals(bilateral),
                Boolean.TRUE.equals(lowerLobe),
                Boolean.TRUE.equals(peripheral),
                Boolean.TRUE.equals(perivascular),
                involvementRightPct,
                involvementLeftPct,
                involvementTotalPct,
                dynamics,
                previousTotalPct,
                hoursSincePrevious,
                Boolean.TRUE.equals(shock),
                Boolean.TRUE.equals(multipleOrganFailure),
                Boolean.TRUE.equals(respiratoryFailure),
                Boolean.TRUE.equals(otherCauseKnown),
                ctClass,
                disagreementComment,
                conclusion,
                recommendations);
    }
}
