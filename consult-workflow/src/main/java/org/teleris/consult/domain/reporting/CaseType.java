package org.teleris.consult.domain.reporting;

/** What kind of study: the service is built around chest CT; every other study is "other". */
public enum CaseType {
    CHEST_CT, OTHER;

    public static CaseType of(String modality, String bodyPart) {
        return "CT".equals(modality) && "CHEST".equals(bodyPart) ? CHEST_CT : OTHER;
    }
}
