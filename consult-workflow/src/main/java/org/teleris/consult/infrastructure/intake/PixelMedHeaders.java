package org.teleris.consult.infrastructure.intake;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.teleris.consult.domain.intake.InstanceHeader;

/** Reads the indexing attributes of an instance with PixelMed, stopping before the pixels. */
final class PixelMedHeaders {

    private PixelMedHeaders() {
    }

    static AttributeList read(byte[] dicom) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new ByteArrayInputStream(dicom))) {
            list.read(in, TagFromName.PixelData);
        }
        return list;
    }

    /** From a file, reading no further than the start of the pixel data. */
    static AttributeList read(Path dicom) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        try (DicomInputStream in = new DicomInputStream(new BufferedInputStream(Files.newInputStream(dicom), 16 * 1024))) {
            list.read(in, TagFromName.PixelData);
        }
        return list;
    }

    static boolean declaresIdentityRemoved(AttributeList list) {
        return "YES".equalsIgnoreCase(text(list, TagFromName.PatientIdentityRemoved));
    }

    /** @throws IllegalArgumentException when an identifying UID is missing */
    static InstanceHeader header(AttributeList list) {
        String sop = required(list, TagFromName.SOPInstanceUID, "SOP Instance UID");
        String sopClass = required(list, TagFromName.SOPClassUID, "SOP Class UID");
        String study = required(list, TagFromName.StudyInstanceUID, "Study Instance UID");
        String series = required(list, TagFromName.SeriesInstanceUID, "Series Instance UID");
        String syntax = text(list, TagFromName.TransferSyntaxUID);
        Integer frames = number(list, TagFromName.NumberOfFrames);
        return new InstanceHeader(sop, sopClass, study, series, syntax.isEmpty() ? "1.2.840.10008.1.2.1" : syntax,
                blankToNull(text(list, TagFromName.PatientID)), blankToNull(text(list, TagFromName.Modality)),
                number(list, TagFromName.SeriesNumber), number(list, TagFromName.InstanceNumber),
                blankToNull(clip(text(list, TagFromName.SeriesDescription), 64)),
                blankToNull(clip(text(list, TagFromName.StudyDate), 8)), frames == null ? 1 : frames);
    }

    private static String required(AttributeList list, AttributeTag tag, String name) {
        String value = text(list, tag);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("the instance has no " + name);
        }
        return value;
    }

    private static String text(AttributeList list, AttributeTag tag) {
        return Attribute.getSingleStringValueOrEmptyString(list, tag).trim();
    }

    private static Integer number(AttributeList list, AttributeTag tag) {
        String value = text(list, tag);
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
