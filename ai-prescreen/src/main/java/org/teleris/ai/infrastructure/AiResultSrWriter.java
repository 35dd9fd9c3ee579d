package org.teleris.ai.infrastructure;

import static org.teleris.ai.infrastructure.SrContentItems.Code;
import static org.teleris.ai.infrastructure.SrContentItems.PRIVATE_SCHEME;
import static org.teleris.ai.infrastructure.SrContentItems.add;
import static org.teleris.ai.infrastructure.SrContentItems.code;
import static org.teleris.ai.infrastructure.SrContentItems.container;
import static org.teleris.ai.infrastructure.SrContentItems.image;
import static org.teleris.ai.infrastructure.SrContentItems.num;
import static org.teleris.ai.infrastructure.SrContentItems.point;
import static org.teleris.ai.infrastructure.SrContentItems.text;
import static org.teleris.ai.infrastructure.SrContentItems.uidref;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teleris.ai.domain.LocalisationMap;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.SourceInstance;

/**
 * Writes a completed prescreen as a Comprehensive SR in the spirit of TID 1500 / IHE AI Results:
 * an Imaging Measurement Report with device observer context (algorithm name, version, UID), an
 * image library of the source instances, one measurement group per lung and one for both lungs
 * (involvement, ground-glass and consolidation shares, finding site, a point at the centre of the
 * findings on the most involved slice) and qualitative evaluations (CT class, probability of a
 * viral-pneumonia pattern, the research-only statement). Concepts without a standard code use the
 * private scheme {@value SrContentItems#PRIVATE_SCHEME}.
 */
public final class AiResultSrWriter {
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    private static final Code PERCENT = new Code("%", "UCUM", "percent");
    private static final Code REPORT = new Code("126000", "DCM", "Imaging Measurement Report");
    private static final Code LANGUAGE = new Code("121049", "DCM", "Language of Content Item and Descendants");
    private static final Code ENGLISH = new Code("en-US", "RFC5646", "English (United States)");
    private static final Code OBSERVER_TYPE = new Code("121005", "DCM", "Observer Type");
    private static final Code DEVICE = new Code("121007", "DCM", "Device");
    private static final Code DEVICE_UID = new Code("121012", "DCM", "Device Observer UID");
    private static final Code DEVICE_NAME = new Code("121013", "DCM", "Device Observer Name");
    private static final Code DEVICE_MANUFACTURER = new Code("121014", "DCM", "Device Observer Manufacturer");
    private static final Code DEVICE_MODEL = new Code("121015", "DCM", "Device Observer Model Name");
    private static final Code PROCEDURE = new Code("121058", "DCM", "Procedure reported");
    private static final Code CT_CHEST = new Code("169069000", "SCT", "Computed tomography of chest");
    private static final Code IMAGE_LIBRARY = new Code("111028", "DCM", "Image Library");
    private static final Code IMAGE_LIBRARY_GROUP = new Code("126200", "DCM", "Image Library Group");
    private static final Code MEASUREMENTS = new Code("126010", "DCM", "Imaging Measurements");
    private static final Code GROUP = new Code("125007", "DCM", "Measurement Group");
    private static final Code TRACKING_ID = new Code("112039", "DCM", "Tracking Identifier");
    private static final Code TRACKING_UID = new Code("112040", "DCM", "Tracking Unique Identifier");
    private static final Code FINDING = new Code("121071", "DCM", "Finding");
    private static final Code FINDING_SITE = new Code("363698007", "SCT", "Finding Site");
    private static final Code ALGORITHM_NAME = new Code("111001", "DCM", "Algorithm Name");
    private static final Code ALGORITHM_VERSION = new Code("111003", "DCM", "Algorithm Version");
    private static final Code IMAGE_REGION = new Code("111030", "DCM", "Image Region");
    private static final Code QUALITATIVE = new Code("C0034375", "UMLS", "Qualitative Evaluations");
    private static final Code COMMENT = new Code("121106", "DCM", "Comment");
    private static final Code INVOLVEMENT_FINDING = new Code("LUNG-INV", PRIVATE_SCHEME, "Lung parenchymal involvement");
    private static final Code INVOLVED_SHARE = new Code("INV-PCT", PRIVATE_SCHEME, "Involved share of lung volume");
    private static final Code GGO_SHARE = new Code("GGO-PCT", PRIVATE_SCHEME, "Ground-glass share of lung volume");
    private static final Code CONS_SHARE = new Code("CONS-PCT", PRIVATE_SCHEME, "Consolidation share of lung volume");
    private static final Code CT_CLASS = new Code("CT-CLASS", PRIVATE_SCHEME, "CT severity class");
    private static final Code PROBABILITY = new Code("P-VIRAL", PRIVATE_SCHEME, "Probability of viral pneumonia pattern");
    private static final Code[] SITES = {
        new Code("3341006", "SCT", "Right lung structure"),
        new Code("44029006", "SCT", "Left lung structure"),
        new Code("39607008", "SCT", "Lung structure")};
    private static final String[] SIDE = {"right lung", "left lung", "both lungs"};

    /** Writes the SR to {@code file}; returns its SOP Instance UID. */
    public String write(PrescreenResult r, Path file) throws IOException {
        if (!r.completed() || r.involvement() == null || r.ctClass() == null) {
            throw new IllegalArgumentException("an SR is written only for completed results with involvement and class");
        }
        try {
            AttributeList list = new AttributeList();
            String sopUid = DicomAttributes.newUid();
            String[] now = DicomAttributes.nowDateTime();
            DicomAttributes.put(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
            DicomAttributes.put(list, TagFromName.SOPClassUID, COMPREHENSIVE_SR);
            DicomAttributes.put(list, TagFromName.SOPInstanceUID, sopUid);
            DicomAttributes.putPatientAndStudy(list, r.study());
            DicomAttributes.put(list, TagFromName.Modality, "SR");
            DicomAttributes.put(list, TagFromName.SeriesInstanceUID, DicomAttributes.newUid());
            DicomAttributes.put(list, TagFromName.SeriesNumber, 9901);
            DicomAttributes.put(list, TagFromName.SeriesDescription, "AI RESULT - FOR RESEARCH PURPOSES ONLY");
            DicomAttributes.sequence(list, TagFromName.ReferencedPerformedProcedureStepSequence);
            DicomAttributes.put(list, TagFromName.Manufacturer, DicomAttributes.MANUFACTURER);
            DicomAttributes.put(list, TagFromName.ManufacturerModelName, r.modelId());
            DicomAttributes.put(list, TagFromName.SoftwareVersions, r.modelVersion());
            DicomAttributes.put(list, TagFromName.InstanceNumber, 1);
            DicomAttributes.put(list, TagFromName.CompletionFlag, "COMPLETE");
            DicomAttributes.put(list, TagFromName.VerificationFlag, "UNVERIFIED");
            DicomAttributes.put(list, TagFromName.ContentDate, now[0]);
            DicomAttributes.put(list, TagFromName.ContentTime, now[1]);
            DicomAttributes.sequence(list, TagFromName.PerformedProcedureCodeSequence);
            putEvidence(list, r);
            AttributeList scheme = new AttributeList();
            DicomAttributes.put(scheme, TagFromName.CodingSchemeDesignator, PRIVATE_SCHEME);
            DicomAttributes.put(scheme, TagFromName.CodingSchemeName, "Teleris AI prescreen private concepts");
            DicomAttributes.put(scheme, TagFromName.CodingSchemeResponsibleOrganization, DicomAttributes.MANUFACTURER);
            DicomAttributes.sequence(list, TagFromName.CodingSchemeIdentificationSequence).addItem(scheme);
            buildContent(list, r);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TELERIS");
            list.write(file.toString(), TransferSyntax.ExplicitVRLittleEndian, true, true);
            return sopUid;
        } catch (DicomException e) {
            throw new IOException("SR could not be written: " + e.getMessage(), e);
        }
    }

    /** Current Requested Procedure Evidence: every source instance, by series. */
    private static void putEvidence(AttributeList list, PrescreenResult r) throws DicomException {
        if (r.sources().isEmpty()) {
            return;
        }
        Map<String, SequenceAttribute> bySeries = new LinkedHashMap<>();
        AttributeList study = new AttributeList();
        DicomAttributes.put(study, TagFromName.StudyInstanceUID,
                com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list, TagFromName.StudyInstanceUID));
        SequenceAttribute series = DicomAttributes.sequence(study, TagFromName.ReferencedSeriesSequence);
        for (SourceInstance s : r.sources()) {
            SequenceAttribute sops = bySeries.get(s.seriesInstanceUid());
            if (sops == null) {
                AttributeList item = new AttributeList();
                DicomAttributes.put(item, TagFromName.SeriesInstanceUID, s.seriesInstanceUid());
                sops = DicomAttributes.sequence(item, TagFromName.ReferencedSOPSequence);
                series.addItem(item);
                bySeries.put(s.seriesInstanceUid(), sops);
            }
            AttributeList ref = new AttributeList();
            DicomAttributes.put(ref, TagFromName.ReferencedSOPClassUID, s.sopClassUid());
            DicomAttributes.put(ref, TagFromName.ReferencedSOPInstanceUID, s.sopInstanceUid());
            sops.addItem(ref);
        }
        DicomAttributes.sequence(list, TagFromName.CurrentRequestedProcedureEvidenceSequence).addItem(study);
    }

    private static void buildContent(AttributeList root, PrescreenResult r) throws DicomException {
        DicomAttributes.put(root, TagFromName.ValueType, "CONTAINER");
        DicomAttributes.putCode(root, TagFromName.ConceptNameCodeSequence, REPORT.value(), REPORT.scheme(), REPORT.meaning());
        DicomAttributes.put(root, TagFromName.ContinuityOfContent, "SEPARATE");
        AttributeList template = new AttributeList();
        DicomAttributes.put(template, TagFromName.MappingResource, "DCMR");
        DicomAttributes.put(template, TagFromName.TemplateIdentifier, "1500");
        DicomAttributes.sequence(root, TagFromName.ContentTemplateSequence).addItem(template);

        add(root, code("HAS CONCEPT MOD", LANGUAGE, ENGLISH),
                code("HAS OBS CONTEXT", OBSERVER_TYPE, DEVICE),
                uidref("HAS OBS CONTEXT", DEVICE_UID, DicomAttributes.uidFor(r.modelId() + "/" + r.modelVersion())),
                text("HAS OBS CONTEXT", DEVICE_NAME, r.modelId()),
                text("HAS OBS CONTEXT", DEVICE_MANUFACTURER, DicomAttributes.MANUFACTURER),
                text("HAS OBS CONTEXT", DEVICE_MODEL, r.modelName()),
                code("HAS CONCEPT MOD", PROCEDURE, CT_CHEST));

        if (!r.sources().isEmpty()) {
            AttributeList group = container("CONTAINS", IMAGE_LIBRARY_GROUP);
            for (SourceInstance s : r.sources()) {
                add(group, image("CONTAINS", null, s.sopClassUid(), s.sopInstanceUid()));
            }
            add(root, add(container("CONTAINS", IMAGE_LIBRARY), group));
        }

        AttributeList measurements = container("CONTAINS", MEASUREMENTS);
        double[] inv = {r.involvement().right(), r.involvement().left(), r.involvement().total()};
        for (int side = 0; side < 3; side++) {
            AttributeList g = container("CONTAINS", GROUP);
            add(g, text("HAS OBS CONTEXT", TRACKING_ID, "AI involvement, " + SIDE[side]),
                    uidref("HAS OBS CONTEXT", TRACKING_UID, DicomAttributes.newUid()),
                    code("CONTAINS", FINDING, INVOLVEMENT_FINDING),
                    code("HAS CONCEPT MOD", FINDING_SITE, SITES[side]),
                    text("CONTAINS", ALGORITHM_NAME, r.modelName()),
                    text("CONTAINS", ALGORITHM_VERSION, r.modelVersion()),
                    num("CONTAINS", INVOLVED_SHARE, 100 * inv[side], PERCENT));
            if (side < 2 && r.ggoFraction() != null && r.consolidationFraction() != null) {
                add(g, num("CONTAINS", GGO_SHARE, 100 * r.ggoFraction()[side], PERCENT),
                        num("CONTAINS", CONS_SHARE, 100 * r.consolidationFraction()[side], PERCENT));
            }
            if (side < 2) {
                addLocation(g, r, side);
            }
            add(measurements, g);
        }
        add(root, measurements);

        add(root, add(container("CONTAINS", QUALITATIVE),
                code("CONTAINS", CT_CLASS, new Code(r.ctClass().label(), PRIVATE_SCHEME,
                        r.ctClass().label() + " " + r.ctClass().english())),
                num("CONTAINS", PROBABILITY, 100 * r.probability(), PERCENT),
                text("CONTAINS", COMMENT, "For Research Purposes Only. Generated by AI ("
                        + r.modelId() + " " + r.modelVersion() + "); not a diagnosis, the final decision is the doctor's.")));
    }

    /** A point at the centre of the findings of one lung on its most involved source slice. */
    private static void addLocation(AttributeList group, PrescreenResult r, int side) throws DicomException {
        LocalisationMap map = r.localisation();
        List<SourceInstance> sources = r.sources();
        if (map == null || sources.isEmpty()) {
            return;
        }
        int[] modelSlice = map.mapping().modelSliceOfSource();
        int bestSource = -1;
        double best = 0;
        double[] centre = null;
        for (int s = 0; s < modelSlice.length; s++) {
            if (modelSlice[s] < 0) {
                continue;
            }
            double[] c = centroid(map, modelSlice[s], side);
            if (c != null && c[2] > best) {
                best = c[2];
                bestSource = s;
                centre = c;
            }
        }
        if (bestSource < 0) {
            return;
        }
        SourceInstance src = sources.get(bestSource);
        var m = map.mapping();
        // SCOORD is in the stored image's pixel space: undo the reader's turn to the canonical display.
        float col = (float) src.storedCol((centre[0] + 0.5 - m.colOffset()) / m.colScale());
        float row = (float) src.storedRow((centre[1] + 0.5 - m.rowOffset()) / m.rowScale());
        add(group, add(point("CONTAINS", IMAGE_REGION, col, row),
                image("SELECTED FROM", null, src.sopClassUid(), src.sopInstanceUid())));
    }

    /** Weighted centre (x, y) and weight of findings on one model slice, in one half of the body. */
    private static double[] centroid(LocalisationMap map, int z, int side) {
        double sx = 0;
        double sy = 0;
        double w = 0;
        int half = map.width() / 2;
        for (int y = 0; y < map.height(); y++) {
            for (int x = side == 0 ? 0 : half; x < (side == 0 ? half : map.width()); x++) {
                float v = map.at(z, y, x);
                sx += v * x;
                sy += v * y;
                w += v;
            }
        }
        return w <= 0 ? null : new double[] {sx / w, sy / w, w};
    }
}
