package org.teleris.ris.domain.audit;

/**
 * What happened, with the DICOM audit message (PS3.15 A.5, DCM codes of CID 400) it maps to,
 * so that the log can be exported to a standard audit repository later.
 */
public enum AuditAction {
    USER_LOGIN("110114", "User Authentication"),
    USER_LOGIN_FAILED("110114", "User Authentication"),
    USER_LOGOUT("110114", "User Authentication"),
    ACCESS_REFUSED("110113", "Security Alert"),
    CASE_CREATED("110110", "Patient Record"),
    CASE_ACCESSED("110110", "Patient Record"),
    CASES_QUERIED("110112", "Query"),
    CASE_CLAIMED("110110", "Patient Record"),
    CASE_RELEASED("110110", "Patient Record"),
    CASE_REASSIGNED("110110", "Patient Record"),
    CASE_DECLINED("110110", "Patient Record"),
    CASE_ANSWERED("110110", "Patient Record"),
    FULL_STUDY_REQUESTED("110110", "Patient Record"),
    CASE_CANCELLED("110110", "Patient Record"),
    CASE_MESSAGE_POSTED("110110", "Patient Record"),
    PREVIEW_UPLOADED("110107", "Import"),
    ANONYMISATION_AUDIT_QUERIED("110112", "Query"),
    ANONYMISATION_AUDIT_EXPORTED("110106", "Export"),
    OBJECT_REVERIFIED("110112", "Query"),
    UPLOAD_SESSION_OPENED("110110", "Patient Record"),
    INSTANCE_REJECTED("110104", "DICOM Instances Transferred"),
    INSTANCES_TRANSFERRED("110104", "DICOM Instances Transferred"),
    INSTANCES_ACCESSED("110103", "DICOM Instances Accessed"),
    STUDIES_QUERIED("110112", "Query"),
    REPORT_QUEUED("110110", "Patient Record"),
    REPORT_CLAIMED("110110", "Patient Record"),
    REPORT_RELEASED("110110", "Patient Record"),
    REPORT_ASSIGNED("110110", "Patient Record"),
    REPORT_DRAFT_SAVED("110110", "Patient Record"),
    REPORT_SIGNED("110110", "Patient Record"),
    REPORT_SECOND_READ_AGREED("110110", "Patient Record"),
    REPORT_SECOND_READ_DISAGREED("110110", "Patient Record"),
    REPORT_ADDENDUM_ADDED("110110", "Patient Record"),
    REPORT_TIME_LIMIT_BREACHED("110113", "Security Alert"),
    REPORT_EXPORTED("110106", "Export"),
    WORKLOAD_QUERIED("110112", "Query"),
    ORGANISATION_CREATED("110128", "Network Configuration"),
    ORGANISATION_CHANGED("110128", "Network Configuration"),
    AUDIT_LOG_READ("110101", "Audit Log Used"),
    AUDIT_LOG_VERIFIED("110101", "Audit Log Used"),
    CONFIGURATION_CHANGED("110113", "Security Alert"),
    USER_CREATED("110137", "User Security Attributes Changed"),
    USER_DISABLED("110137", "User Security Attributes Changed"),
    USER_ENABLED("110137", "User Security Attributes Changed"),
    USER_ROLE_CHANGED("110136", "Security Roles Changed"),
    USER_PASSWORD_RESET("110137", "User Security Attributes Changed"),
    APPLICATION_STARTED("110100", "Application Activity");

    private final String dicomEventCode;
    private final String dicomEventName;

    AuditAction(String dicomEventCode, String dicomEventName) {
        this.dicomEventCode = dicomEventCode;
        this.dicomEventName = dicomEventName;
    }

    /** Code value of the DICOM audit event ID (coding scheme DCM). */
    public String dicomEventCode() {
        return dicomEventCode;
    }

    public String dicomEventName() {
        return dicomEventName;
    }
}
