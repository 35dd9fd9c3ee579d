package org.teleris.consult.infrastructure.reporting;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodedSequenceItem;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.teleris.consult.application.reporting.ReportViews;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Lang;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.SeverityTable;

/**
 * The delivered report as an Enhanced SR in the spirit of TID 2000 (Basic Diagnostic Imaging
 * Report): observer context (first reader), sections Findings, Impressions (CT class with the
 * table's proposal), Conclusions, Recommendations (with the routing text) and Addenda; the second
 * reader is the verifying observer. It belongs to the reported study, references every instance of
 * it as evidence and repeats the study's de-identified Patient and General Study modules.
 */
public final class SrReportWriter {

    public static final String ENHANCED_SR = "1.2.840.10008.5.1.4.1.1.88.22";
    static final String PRIVATE_SCHEME = "99TELERIS";
    static final String MANUFACTURER = "Teleris";
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A coded concept. */
    record Code(String value, String scheme, String meaning) {
    }

    /** An instance of the reported study, for the evidence sequence. */
    public record SourceInstance(String seriesInstanceUid, String sopClassUid, String sopInstanceUid) {
    }

    private static final Code REPORT = new Code("18748-4", "LN", "Diagnostic imaging report");
    private static final Code LANGUAGE = new Code("121049", "DCM", "Language of Content Item and Descendants");
    private static final Code ENGLISH = new Code("en-US", "RFC5646", "English (United States)");
    private static final Code OBSERVER_TYPE = new Code("121005", "DCM", "Observer Type");
    private static final Code PERSON = new Code("121006", "DCM", "Person");
    private static final Code PERSON_NAME = new Code("121008", "DCM", "Person Observer Name");
    private static final Code FINDINGS = new Code("121070", "DCM", "Findings");
    private static final Code FINDING = new Code("121071", "DCM", "Finding");
    private static final Code IMPRESSIONS = new Code("121072", "DCM", "Impressions");
    private static final Code IMPRESSION = new Code("121073", "DCM", "Impression");
    private static final Code RECOMMENDATIONS = new Code("121074", "DCM", "Recommendations");
    private static final Code RECOMMENDATION = new Code("121075", "DCM", "Recommendation");
    private static final Code CONCLUSIONS = new Code("121076", "DCM", "Conclusions");
    private static final Code CONCLUSION = new Code("121077", "DCM", "Conclusion");
    private static final Code ADDENDUM = new Code("121078", "DCM", "Addendum");
    private static final Code COMMENT = new Code("121106", "DCM", "Comment");
    private static final Code PERCENT = new Code("%", "UCUM", "percent");
    private static final Code CT_CLASS = new Code("CT-CLASS", PRIVATE_SCHEME, "CT severity class");
    private static final Code PROPOSED_CLASS = new Code("CT-CLASS-PROP", PRIVATE_SCHEME,
            "CT severity class proposed by the severity table");
    private static final Code[] INVOLVEMENT = {
        new Code("INV-R", PRIVATE_SCHEME, "Involvement of the right lung"),
        new Code("INV-L", PRIVATE_SCHEME, "Involvement of the left lung"),
        new Code("INV-T", PRIVATE_SCHEME, "Involvement of both lungs")};

    /**
     * @param studyFile one stored (de-identified) instance of the study: its Patient and General
     *                  Study modules are repeated
     */
    public byte[] write(ReportViews.ReportView report, Path studyFile, List<SourceInstance> sources, Instant now)
            throws IOException {
        ReportViews.VersionView signed = report.versions().stream().filter(v -> "REPORT".equals(v.kind()))
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException("no signed version"));
        try {
            AttributeList study = readHeader(studyFile);
            AttributeList list = new AttributeList();
            put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
            put(list, TagFromName.SOPClassUID, ENHANCED_SR);
            put(list, TagFromName.SOPInstanceUID, uidFor("report/" + report.item().reportId() + "/v"
                    + report.versions().size()));
            for (AttributeTag tag : new AttributeTag[] {TagFromName.PatientName, TagFromName.PatientID,
                    TagFromName.PatientBirthDate, TagFromName.PatientSex, TagFromName.StudyDate, TagFromName.StudyTime,
                    TagFromName.ReferringPhysicianName, TagFromName.StudyID, TagFromName.AccessionNumber}) {
                put(list, tag, Attribute.getSingleStringValueOrEmptyString(study, tag));
            }
            for (AttributeTag tag : new AttributeTag[] {TagFromName.PatientIdentityRemoved,
                    TagFromName.DeidentificationMethod, TagFromName.DeidentificationMethodCodeSequence,
                    TagFromName.PatientAge}) {
                Attribute a = study.get(tag);
                if (a != null) {
                    list.put(a);
                }
            }
            put(list, TagFromName.StudyInstanceUID, report.item().studyInstanceUid());
            put(list, TagFromName.Modality, "SR");
            put(list, TagFromName.SeriesInstanceUID, uidFor("report-series/" + report.item().reportId()));
            put(list, TagFromName.SeriesNumber, "9801");
            put(list, TagFromName.SeriesDescription, "EXPERT REPORT");
            sequence(list, TagFromName.ReferencedPerformedProcedureStepSequence);
            put(list, TagFromName.Manufacturer, MANUFACTURER);
            put(list, TagFromName.InstanceNumber, String.valueOf(report.versions().size()));
            put(list, TagFromName.CompletionFlag, "COMPLETE");
            Instant contentTime = signed.secondReadAt() != null ? signed.secondReadAt() : signed.signedAt();
            put(list, TagFromName.ContentDate, DA.format(contentTime));
            put(list, TagFromName.ContentTime, TM.format(contentTime));
            put(list, TagFromName.InstanceCreationDate, DA.format(now));
            put(list, TagFromName.InstanceCreationTime, TM.format(now));
            if (signed.secondReadAt() != null && Boolean.TRUE.equals(signed.secondReadAgrees())) {
                put(list, TagFromName.VerificationFlag, "VERIFIED");
                AttributeList verifier = new AttributeList();
                put(verifier, TagFromName.VerifyingObserverName, personName(signed.secondReaderName()));
                put(verifier, TagFromName.VerifyingOrganization, "Teleradiology reference centre");
                put(verifier, TagFromName.VerificationDateTime, DT.format(signed.secondReadAt()));
                sequence(verifier, TagFromName.VerifyingObserverIdentificationCodeSequence);
                sequence(list, TagFromName.VerifyingObserverSequence).addItem(verifier);
            } else {
                put(list, TagFromName.VerificationFlag, "UNVERIFIED");
            }
            sequence(list, TagFromName.PerformedProcedureCodeSequence);
            evidence(list, report.item().studyInstanceUid(), sources);
            AttributeList scheme = new AttributeList();
            put(scheme, TagFromName.CodingSchemeDesignator, PRIVATE_SCHEME);
            put(scheme, TagFromName.CodingSchemeName, "Teleris reporting private concepts");
            put(scheme, TagFromName.CodingSchemeResponsibleOrganization, MANUFACTURER);
            sequence(list, TagFromName.CodingSchemeIdentificationSequence).addItem(scheme);
            content(list, report, signed);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TELERIS");
            Path tmp = Files.createTempFile("teleris-sr", ".dcm");
            try {
                list.write(tmp.toString(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (DicomException e) {
            throw new IOException("the report SR could not be written: " + e.getMessage(), e);
        }
    }

    private static void content(AttributeList root, ReportViews.ReportView report, ReportViews.VersionView signed)
            throws DicomException {
        SeverityTable table = SeverityTable.standard();
        put(root, TagFromName.ValueType, "CONTAINER");
        putCode(root, TagFromName.ConceptNameCodeSequence, REPORT);
        put(root, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        put(template, TagFromName.MappingResource, "DCMR");
        put(template, TagFromName.TemplateIdentifier, "2000");
        sequence(root, TagFromName.ContentTemplateSequence).addItem(template);
        ReportDraft c = signed.content();
        add(root, code("HAS CONCEPT MOD", LANGUAGE, ENGLISH),
                code("HAS OBS CONTEXT", OBSERVER_TYPE, PERSON),
                pname("HAS OBS CONTEXT", PERSON_NAME, personName(signed.signedByName())));

        AttributeList findings = container("CONTAINS", FINDINGS);
        add(findings, text("CONTAINS", FINDING, PdfReportWriter.findings(c, table, Lang.EN)),
                text("CONTAINS", FINDING, PdfReportWriter.distribution(c, table, Lang.EN)));
        Integer[] inv = {c.involvementRightPct(), c.involvementLeftPct(), c.effectiveTotalPct()};
        for (int i = 0; i < 3; i++) {
            if (inv[i] != null) {
                add(findings, num("CONTAINS", INVOLVEMENT[i], inv[i], PERCENT));
            }
        }
        if (c.dynamics() != null) {
            add(findings, text("CONTAINS", FINDING, "Dynamics: " + ReportLabels.get("dynamics." + c.dynamics(),
                    Lang.EN)));
        }
        add(root, findings);

        AttributeList impressions = container("CONTAINS", IMPRESSIONS);
        add(impressions, code("CONTAINS", CT_CLASS, classCode(c.ctClass(), table)));
        if (signed.proposedClass() != null) {
            add(impressions, code("CONTAINS", PROPOSED_CLASS, classCode(CtClass.valueOf(signed.proposedClass()),
                    table)));
        }
        if (c.disagreementComment() != null) {
            add(impressions, text("CONTAINS", IMPRESSION, "Reason for a different class: "
                    + c.disagreementComment()));
        }
        add(root, impressions);
        add(root, add(container("CONTAINS", CONCLUSIONS), text("CONTAINS", CONCLUSION, c.conclusion())));
        AttributeList recommendations = container("CONTAINS", RECOMMENDATIONS);
        add(recommendations, text("CONTAINS", RECOMMENDATION, "Routing: " + table.routing(c.ctClass(), Lang.EN)));
        if (c.recommendations() != null) {
            add(recommendations, text("CONTAINS", RECOMMENDATION, c.recommendations()));
        }
        add(root, recommendations);
        if (signed.secondReadComment() != null) {
            add(root, text("CONTAINS", COMMENT, "Second reader: " + signed.secondReadComment()));
        }
        for (ReportViews.VersionView v : report.versions()) {
            if ("ADDENDUM".equals(v.kind())) {
                add(root, add(container("CONTAINS", ADDENDUM), text("CONTAINS", COMMENT, v.addendumText()),
                        pname("HAS OBS CONTEXT", PERSON_NAME, personName(v.signedByName()))));
            }
        }
    }

    private static Code classCode(CtClass c, SeverityTable table) {
        return new Code(c.name(), PRIVATE_SCHEME, table.text(c, SeverityTable.Column.NAME, Lang.EN));
    }

    /** A display name as a DICOM person name: words after the first as given names is not safe, so one component. */
    static String personName(String displayName) {
        String n = displayName == null || displayName.isBlank() ? "UNKNOWN" : displayName.replace('^', ' ');
        return n.length() > 64 ? n.substring(0, 64) : n;
    }

    private static void evidence(AttributeList list, String studyUid, List<SourceInstance> sources)
            throws DicomException {
        if (sources.isEmpty()) {
            return;
        }
        AttributeList study = new AttributeList();
        put(study, TagFromName.StudyInstanceUID, studyUid);
        SequenceAttribute series = sequence(study, TagFromName.ReferencedSeriesSequence);
        Map<String, SequenceAttribute> bySeries = new LinkedHashMap<>();
        for (SourceInstance s : sources) {
            SequenceAttribute sops = bySeries.get(s.seriesInstanceUid());
            if (sops == null) {
                AttributeList item = new AttributeList();
                put(item, TagFromName.SeriesInstanceUID, s.seriesInstanceUid());
                sops = sequence(item, TagFromName.ReferencedSOPSequence);
                series.addItem(item);
                bySeries.put(s.seriesInstanceUid(), sops);
            }
            AttributeList ref = new AttributeList();
            put(ref, TagFromName.ReferencedSOPClassUID, s.sopClassUid());
            put(ref, TagFromName.ReferencedSOPInstanceUID, s.sopInstanceUid());
            sops.addItem(ref);
        }
        sequence(list, TagFromName.CurrentRequestedProcedureEvidenceSequence).addItem(study);
    }

    static AttributeList readHeader(Path file) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        try (InputStream in = Files.newInputStream(file); DicomInputStream din = new DicomInputStream(in)) {
            list.read(din, TagFromName.PixelData);
        }
        return list;
    }

    // Content items (PS3.3 C.17.3).

    private static AttributeList item(String relationship, String valueType, Code concept) throws DicomException {
        AttributeList l = new AttributeList();
        put(l, TagFromName.RelationshipType, relationship);
        put(l, TagFromName.ValueType, valueType);
        putCode(l, TagFromName.ConceptNameCodeSequence, concept);
        return l;
    }

    private static AttributeList container(String relationship, Code concept) throws DicomException {
        AttributeList l = item(relationship, "CONTAINER", concept);
        put(l, TagFromName.ContinuityOfContent, "SEPARATE");
        return l;
    }

    private static AttributeList code(String relationship, Code concept, Code value) throws DicomException {
        AttributeList l = item(relationship, "CODE", concept);
        putCode(l, TagFromName.ConceptCodeSequence, value);
        return l;
    }

    private static AttributeList text(String relationship, Code concept, String value) throws DicomException {
        AttributeList l = item(relationship, "TEXT", concept);
        put(l, TagFromName.TextValue, value == null || value.isBlank() ? "-" : value);
        return l;
    }

    private static AttributeList pname(String relationship, Code concept, String value) throws DicomException {
        AttributeList l = item(relationship, "PNAME", concept);
        put(l, TagFromName.PersonName, value);
        return l;
    }

    private static AttributeList num(String relationship, Code concept, int value, Code units) throws DicomException {
        AttributeList l = item(relationship, "NUM", concept);
        AttributeList mv = new AttributeList();
        put(mv, TagFromName.NumericValue, String.valueOf(value));
        putCode(mv, TagFromName.MeasurementUnitsCodeSequence, units);
        sequence(l, TagFromName.MeasuredValueSequence).addItem(mv);
        return l;
    }

    private static AttributeList add(AttributeList parent, AttributeList... children) {
        SequenceAttribute seq = (SequenceAttribute) parent.get(TagFromName.ContentSequence);
        if (seq == null) {
            seq = sequence(parent, TagFromName.ContentSequence);
        }
        for (AttributeList child : children) {
            seq.addItem(child);
        }
        return parent;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute a = AttributeFactory.newAttribute(tag);
        if (value != null && !value.isEmpty()) {
            a.addValue(value);
        }
        list.put(a);
    }

    private static void putCode(AttributeList list, AttributeTag tag, Code code) throws DicomException {
        CodedSequenceItem.putSingleCodedSequenceItem(list, tag, code.value(), code.scheme(), code.meaning());
    }

    private static SequenceAttribute sequence(AttributeList list, AttributeTag tag) {
        SequenceAttribute s = new SequenceAttribute(tag);
        list.put(s);
        return s;
    }

    /** A stable UID under 2.25 for a name, so the same report version always gets the same SR UID. */
    static String uidFor(String name) {
        UUID u = UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[8 + i] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return "2.25." + new BigInteger(1, b).toString();
    }
}
