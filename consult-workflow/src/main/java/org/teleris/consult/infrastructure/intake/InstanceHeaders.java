package org.teleris.consult.infrastructure.intake;

import java.io.IOException;
import java.nio.file.Path;
import org.teleris.anonymizer.application.DicomDeidentifier;
import org.teleris.anonymizer.domain.HeaderValues;
import org.teleris.anonymizer.domain.Tag;
import org.teleris.consult.domain.intake.InstanceHeader;

/** The indexing attributes of an instance, from the anonymizer's header reader (the attributes before the pixels). */
final class InstanceHeaders {

    private static final Tag SOP_INSTANCE_UID = new Tag(0x0008, 0x0018);
    private static final Tag SOP_CLASS_UID = new Tag(0x0008, 0x0016);
    private static final Tag STUDY_INSTANCE_UID = new Tag(0x0020, 0x000D);
    private static final Tag SERIES_INSTANCE_UID = new Tag(0x0020, 0x000E);
    private static final Tag PATIENT_ID = new Tag(0x0010, 0x0020);
    private static final Tag MODALITY = new Tag(0x0008, 0x0060);
    private static final Tag SERIES_NUMBER = new Tag(0x0020, 0x0011);
    private static final Tag INSTANCE_NUMBER = new Tag(0x0020, 0x0013);
    private static final Tag SERIES_DESCRIPTION = new Tag(0x0008, 0x103E);
    private static final Tag STUDY_DATE = new Tag(0x0008, 0x0020);
    private static final Tag NUMBER_OF_FRAMES = new Tag(0x0028, 0x0008);
    private static final Tag PATIENT_IDENTITY_REMOVED = new Tag(0x0012, 0x0062);

    private InstanceHeaders() {
    }

    /** From a file, reading no further than the start of the pixel data. */
    static HeaderValues read(Path dicom) throws IOException {
        return DicomDeidentifier.header(dicom);
    }

    static boolean declaresIdentityRemoved(HeaderValues header) {
        return "YES".equalsIgnoreCase(header.first(PATIENT_IDENTITY_REMOVED));
    }

    /** @throws IllegalArgumentException when an identifying UID is missing */
    static InstanceHeader header(HeaderValues values) {
        String sop = required(values, SOP_INSTANCE_UID, "SOP Instance UID");
        String sopClass = required(values, SOP_CLASS_UID, "SOP Class UID");
        String study = required(values, STUDY_INSTANCE_UID, "Study Instance UID");
        String series = required(values, SERIES_INSTANCE_UID, "Series Instance UID");
        String syntax = values.transferSyntaxUid() == null ? "" : values.transferSyntaxUid().trim();
        Integer frames = number(values, NUMBER_OF_FRAMES);
        return new InstanceHeader(sop, sopClass, study, series, syntax.isEmpty() ? "1.2.840.10008.1.2.1" : syntax,
                blankToNull(values.first(PATIENT_ID)), blankToNull(values.first(MODALITY)),
                number(values, SERIES_NUMBER), number(values, INSTANCE_NUMBER),
                blankToNull(clip(values.first(SERIES_DESCRIPTION), 64)),
                blankToNull(clip(values.first(STUDY_DATE), 8)), frames == null ? 1 : frames);
    }

    private static String required(HeaderValues values, Tag tag, String name) {
        String value = values.first(tag);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the instance has no " + name);
        }
        return value;
    }

    private static Integer number(HeaderValues values, Tag tag) {
        String value = values.first(tag);
        try {
            return value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
