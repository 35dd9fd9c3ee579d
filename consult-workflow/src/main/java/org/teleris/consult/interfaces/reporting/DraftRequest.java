package org.teleris.consult.interfaces.reporting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Dynamics;
import org.teleris.consult.domain.reporting.HydrothoraxSide;
import org.teleris.consult.domain.reporting.ReportDraft;

/** The structured report form as the page sends it. */
public class DraftRequest {
    public boolean groundGlass;
    public boolean consolidation;
    public boolean crazyPaving;
    public boolean reticular;
    public boolean hydrothorax;
    public HydrothoraxSide hydrothoraxSide;
    public boolean bilateral;
    public boolean lowerLobe;
    public boolean peripheral;
    public boolean perivascular;
    @Min(0) @Max(100)
    public Integer involvementRightPct;
    @Min(0) @Max(100)
    public Integer involvementLeftPct;
    @Min(0) @Max(100)
    public Integer involvementTotalPct;
    public Dynamics dynamics;
    @Min(0) @Max(100)
    public Integer previousTotalPct;
    @Min(0) @Max(87600)
    public Integer hoursSincePrevious;
    public boolean shock;
    public boolean multipleOrganFailure;
    public boolean respiratoryFailure;
    public boolean otherCauseKnown;
    public CtClass ctClass;
    @Size(max = ReportDraft.MAX_TEXT)
    public String disagreementComment;
    @Size(max = ReportDraft.MAX_TEXT)
    public String conclusion;
    @Size(max = ReportDraft.MAX_TEXT)
    public String recommendations;

    ReportDraft toDraft() {
        return new ReportDraft(groundGlass, consolidation, crazyPaving, reticular, hydrothorax, hydrothoraxSide,
                bilateral, lowerLobe, peripheral, perivascular, involvementRightPct, involvementLeftPct,
                involvementTotalPct, dynamics, previousTotalPct, hoursSincePrevious, shock, multipleOrganFailure,
                respiratoryFailure, otherCauseKnown, ctClass, disagreementComment, conclusion, recommendations);
    }
}
