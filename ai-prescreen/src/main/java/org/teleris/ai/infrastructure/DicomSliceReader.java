package org.teleris.ai.infrastructure;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.teleris.ai.domain.HuVolume;
import org.teleris.ai.domain.LoadedScan;
import org.teleris.ai.domain.NotAnalysableException;
import org.teleris.ai.domain.NotAnalysableReason;
import org.teleris.ai.domain.SourceInstance;
import org.teleris.ai.domain.StudyIdentity;

/**
 * Reads CT slices with PixelMed into HU (rescale slope/intercept, padding and below-air values to
 * -1024), checks that they are chest CT, and assembles a volume (stage II: the largest axial CT
 * series, sorted along the slice normal) or a preview (stage I: the given slices in order).
 */
public final class DicomSliceReader {
    static final float AIR = -1024f;
    /** Body parts that certainly are not the chest; absent or other values are allowed through. */
    private static final Set<String> NOT_CHEST = Set.of("HEAD", "BRAIN", "SKULL", "NECK", "ABDOMEN", "PELVIS",
            "KNEE", "ANKLE", "FOOT", "HAND", "WRIST", "ELBOW", "SHOULDER", "HIP", "LEG", "ARM", "SPINE", "LSPINE",
            "CSPINE", "EXTREMITY", "BREAST");

    /**
     * Stage II: a whole study (any files; the largest axial CT series is analysed). Headers are read
     * first; only the chosen series' pixels are then decoded, straight into the volume, so that peak
     * memory stays near one copy of the volume.
     */
    public LoadedScan readStudy(List<Path> files) throws NotAnalysableException {
        List<DicomCtSlice> headers = files.parallelStream().map(f -> {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                return header(in, f);
            } catch (IOException e) {
                return null;
            }
        }).filter(s -> s != null).toList();
        if (headers.isEmpty()) {
            throw new NotAnalysableException(NotAnalysableReason.UNREADABLE, "no readable DICOM image among " + files.size() + " files");
        }
        Map<String, List<DicomCtSlice>> bySeries = new LinkedHashMap<>();
        for (DicomCtSlice s : headers) {
            if ("CT".equals(s.modality()) && s.axial() && !s.localizer()) {
                bySeries.computeIfAbsent(s.seriesInstanceUid(), k -> new ArrayList<>()).add(s);
            }
        }
        if (bySeries.isEmpty()) {
            boolean anyCt = headers.stream().anyMatch(s -> "CT".equals(s.modality()));
            throw new NotAnalysableException(anyCt ? NotAnalysableReason.INCONSISTENT_SERIES : NotAnalysableReason.NOT_CT,
                    anyCt ? "no axial CT series" : "modality " + headers.get(0).modality());
        }
        List<DicomCtSlice> series = bySeries.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
        checkChest(series.get(0));
        List<DicomCtSlice> sorted = new ArrayList<>(series);
        // Head first: DICOM z grows towards the head, so descending position is cranio-caudal order.
        sorted.sort(Comparator.comparingDouble(DicomCtSlice::positionAlongNormal).reversed());
        DicomCtSlice first = sorted.get(0);
        int rows = first.rows();
        int cols = first.cols();
        for (DicomCtSlice s : sorted) {
            if (s.rows() != rows || s.cols() != cols) {
                throw new NotAnalysableException(NotAnalysableReason.INCONSISTENT_SERIES,
                        "slice sizes differ: " + rows + "x" + cols + " and " + s.rows() + "x" + s.cols());
            }
        }
        float[] hu = new float[sorted.size() * rows * cols];
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.stream.IntStream.range(0, sorted.size()).parallel().forEach(k -> {
            DicomCtSlice s = sorted.get(k);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(s.file()))) {
                AttributeList list = readAll(in, s.file().getFileName().toString());
                pixelsInto(list, s, hu, k * rows * cols, s.file().getFileName().toString());
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        });
        if (!failures.isEmpty()) {
            throw new NotAnalysableException(NotAnalysableReason.UNREADABLE, failures.size() + " slices: " + failures.get(0));
        }
        List<SourceInstance> sources = new ArrayList<>();
        for (int k = 0; k < sorted.size(); k++) {
            DicomCtSlice s = sorted.get(k);
            sources.add(source(s, k));
        }
        double[] ps = first.rowSpacingColSpacing();
        double dz = sliceSpacing(sorted);
        HuVolume volume = new HuVolume(hu, sorted.size(), rows, cols, new double[] {dz > 0 ? dz : 5.0, ps[0], ps[1]});
        return new LoadedScan(volume, false, first.study(), List.copyOf(sources));
    }

    /** Stage I: a few slices sent as a preview, kept in the order given. */
    public LoadedScan readPreview(List<byte[]> dicomFiles) throws NotAnalysableException {
        List<DicomCtSlice> slices = new ArrayList<>();
        for (int i = 0; i < dicomFiles.size(); i++) {
            try {
                DicomCtSlice s = decode(new ByteArrayInputStream(dicomFiles.get(i)), "preview " + (i + 1));
                if (s == null) {
                    throw new NotAnalysableException(NotAnalysableReason.UNREADABLE, "preview " + (i + 1) + " has no image");
                }
                if (!"CT".equals(s.modality())) {
                    throw new NotAnalysableException(NotAnalysableReason.NOT_CT, "modality " + s.modality());
                }
                checkChest(s);
                slices.add(s);
            } catch (IOException e) {
                throw new NotAnalysableException(NotAnalysableReason.UNREADABLE, e.getMessage());
            }
        }
        if (slices.isEmpty()) {
            throw new NotAnalysableException(NotAnalysableReason.TOO_FEW_SLICES, "no slices");
        }
        return assemble(slices, true, slices.get(0).sliceThickness());
    }

    private static void checkChest(DicomCtSlice s) throws NotAnalysableException {
        String part = s.bodyPart().toUpperCase(Locale.ROOT).trim();
        if (NOT_CHEST.contains(part)) {
            throw new NotAnalysableException(NotAnalysableReason.NOT_CHEST, "body part " + part);
        }
    }

    private static LoadedScan assemble(List<DicomCtSlice> slices, boolean preview, double spacingZ)
            throws NotAnalysableException {
        DicomCtSlice first = slices.get(0);
        int rows = first.rows();
        int cols = first.cols();
        float[] hu = new float[slices.size() * rows * cols];
        List<SourceInstance> sources = new ArrayList<>();
        for (int k = 0; k < slices.size(); k++) {
            DicomCtSlice s = slices.get(k);
            if (s.rows() != rows || s.cols() != cols) {
                throw new NotAnalysableException(NotAnalysableReason.INCONSISTENT_SERIES,
                        "slice sizes differ: " + rows + "x" + cols + " and " + s.rows() + "x" + s.cols());
            }
            System.arraycopy(s.hu(), 0, hu, k * rows * cols, rows * cols);
            sources.add(source(s, k));
        }
        double[] ps = first.rowSpacingColSpacing();
        HuVolume volume = new HuVolume(hu, slices.size(), rows, cols,
                new double[] {spacingZ > 0 ? spacingZ : 5.0, ps[0], ps[1]});
        return new LoadedScan(volume, preview, first.study(), List.copyOf(sources));
    }

    private static SourceInstance source(DicomCtSlice s, int index) {
        return new SourceInstance(s.sopClassUid(), s.sopInstanceUid(), s.seriesInstanceUid(), index, s.rows(), s.cols(),
                s.flipColumns(), s.flipRows());
    }

    private static double sliceSpacing(List<DicomCtSlice> sorted) {
        if (sorted.size() < 2) {
            return sorted.get(0).sliceThickness();
        }
        double[] gaps = new double[sorted.size() - 1];
        for (int i = 1; i < sorted.size(); i++) {
            gaps[i - 1] = Math.abs(sorted.get(i - 1).positionAlongNormal() - sorted.get(i).positionAlongNormal());
        }
        java.util.Arrays.sort(gaps);
        double median = gaps[gaps.length / 2];
        return median > 0 ? median : sorted.get(0).sliceThickness();
    }

    /** Decodes one file with its pixels; null if it holds no single-frame greyscale image. */
    static DicomCtSlice decode(InputStream in, String name) throws IOException {
        AttributeList list = readAll(in, name);
        DicomCtSlice h = describe(list, null);
        if (h == null || list.get(TagFromName.PixelData) == null) {
            return null;
        }
        float[] hu = new float[h.rows() * h.cols()];
        pixelsInto(list, h, hu, 0, name);
        return h.withHu(hu);
    }

    /** Reads the attributes before Pixel Data only. */
    private static DicomCtSlice header(InputStream in, Path file) throws IOException {
        AttributeList list = new AttributeList();
        try (DicomInputStream din = new DicomInputStream(in)) {
            list.read(din, TagFromName.PixelData);
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        return describe(list, file);
    }

    private static AttributeList readAll(InputStream in, String name) throws IOException {
        AttributeList list = new AttributeList();
        try (DicomInputStream din = new DicomInputStream(in)) {
            list.read(din);
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        return list;
    }

    private static DicomCtSlice describe(AttributeList list, Path file) {
        int rows = intOf(list, TagFromName.Rows, 0);
        int cols = intOf(list, TagFromName.Columns, 0);
        if (rows == 0 || cols == 0 || intOf(list, TagFromName.SamplesPerPixel, 1) != 1
                || intOf(list, TagFromName.NumberOfFrames, 1) != 1) {
            return null;
        }
        double[] iop = doubles(list, TagFromName.ImageOrientationPatient, new double[] {1, 0, 0, 0, 1, 0});
        double[] ipp = doubles(list, TagFromName.ImagePositionPatient, null);
        double[] normal = {iop[1] * iop[5] - iop[2] * iop[4], iop[2] * iop[3] - iop[0] * iop[5], iop[0] * iop[4] - iop[1] * iop[3]};
        boolean axial = Math.abs(normal[2]) > 0.9;
        double position = ipp != null ? ipp[0] * normal[0] + ipp[1] * normal[1] + ipp[2] * normal[2]
                : doubleOf(list, TagFromName.SliceLocation, intOf(list, TagFromName.InstanceNumber, 0));
        double[] ps = doubles(list, TagFromName.PixelSpacing, null);
        if (ps == null || ps.length < 2 || ps[0] <= 0 || ps[1] <= 0) {
            ps = new double[] {0.75, 0.75}; // typical chest CT; previews often lack it
        }
        String imageType = str(list, TagFromName.ImageType).toUpperCase(Locale.ROOT);
        StudyIdentity study = new StudyIdentity(str(list, TagFromName.PatientID), str(list, TagFromName.PatientName),
                str(list, TagFromName.PatientBirthDate), str(list, TagFromName.PatientSex),
                str(list, TagFromName.StudyInstanceUID), str(list, TagFromName.StudyDate), str(list, TagFromName.StudyTime),
                str(list, TagFromName.StudyID), str(list, TagFromName.AccessionNumber),
                str(list, TagFromName.ReferringPhysicianName), str(list, TagFromName.StudyDescription));
        return new DicomCtSlice(file, str(list, TagFromName.SOPClassUID), str(list, TagFromName.SOPInstanceUID),
                str(list, TagFromName.SeriesInstanceUID), str(list, TagFromName.Modality).trim(),
                str(list, TagFromName.BodyPartExamined), imageType.contains("LOCALIZER"), rows, cols, null,
                new double[] {ps[0], ps[1]}, position, doubleOf(list, TagFromName.SliceThickness, 0), axial,
                iop[0] < 0, iop[4] < 0, study);
    }

    /** HU of one slice into {@code target} at {@code offset}, turned to the canonical display. */
    private static void pixelsInto(AttributeList list, DicomCtSlice s, float[] target, int offset, String name)
            throws IOException {
        Attribute pixels = list.get(TagFromName.PixelData);
        if (pixels == null) {
            throw new IOException(name + ": no pixel data");
        }
        float[] hu = toHu(list, pixels, s.rows(), s.cols(), name);
        // Canonical display: columns towards patient left (+x), rows towards posterior (+y).
        if (s.flipColumns()) {
            flipColumns(hu, s.rows(), s.cols());
        }
        if (s.flipRows()) {
            flipRows(hu, s.rows(), s.cols());
        }
        System.arraycopy(hu, 0, target, offset, hu.length);
    }

    private static float[] toHu(AttributeList list, Attribute pixels, int rows, int cols, String name) throws IOException {
        double slope = doubleOf(list, TagFromName.RescaleSlope, 1.0);
        double intercept = doubleOf(list, TagFromName.RescaleIntercept, 0.0);
        int bits = intOf(list, TagFromName.BitsAllocated, 16);
        boolean signed = intOf(list, TagFromName.PixelRepresentation, 0) == 1;
        int bitsStored = intOf(list, TagFromName.BitsStored, bits);
        Attribute paddingAttr = list.get(TagFromName.PixelPaddingValue);
        Integer padding = paddingAttr == null ? null : Attribute.getSingleIntegerValueOrDefault(paddingAttr, 0);
        float[] hu = new float[rows * cols];
        try {
            if (bits == 16) {
                short[] raw = pixels.getShortValues();
                if (raw == null || raw.length < hu.length) {
                    throw new IOException(name + ": pixel data unreadable (compressed transfer syntax?)");
                }
                int mask = (1 << bitsStored) - 1;
                for (int i = 0; i < hu.length; i++) {
                    int v = signed ? signExtend(raw[i] & mask, bitsStored) : raw[i] & mask;
                    hu[i] = padding != null && v == padding ? AIR : (float) Math.max(AIR, v * slope + intercept);
                }
            } else if (bits == 8) {
                byte[] raw = pixels.getByteValues();
                if (raw == null || raw.length < hu.length) {
                    throw new IOException(name + ": pixel data unreadable");
                }
                for (int i = 0; i < hu.length; i++) {
                    hu[i] = (float) Math.max(AIR, (raw[i] & 0xFF) * slope + intercept);
                }
            } else {
                throw new IOException(name + ": " + bits + "-bit pixels not supported");
            }
        } catch (com.pixelmed.dicom.DicomException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        return hu;
    }

    private static int signExtend(int v, int bits) {
        int shift = 32 - bits;
        return (v << shift) >> shift;
    }

    private static void flipColumns(float[] a, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0, base = r * cols; c < cols / 2; c++) {
                float t = a[base + c];
                a[base + c] = a[base + cols - 1 - c];
                a[base + cols - 1 - c] = t;
            }
        }
    }

    private static void flipRows(float[] a, int rows, int cols) {
        float[] tmp = new float[cols];
        for (int r = 0; r < rows / 2; r++) {
            System.arraycopy(a, r * cols, tmp, 0, cols);
            System.arraycopy(a, (rows - 1 - r) * cols, a, r * cols, cols);
            System.arraycopy(tmp, 0, a, (rows - 1 - r) * cols, cols);
        }
    }

    static String str(AttributeList list, AttributeTag tag) {
        return Attribute.getDelimitedStringValuesOrEmptyString(list, tag);
    }

    static int intOf(AttributeList list, AttributeTag tag, int def) {
        Attribute a = list.get(tag);
        return a == null || a.getVM() == 0 ? def : Attribute.getSingleIntegerValueOrDefault(a, def);
    }

    static double doubleOf(AttributeList list, AttributeTag tag, double def) {
        Attribute a = list.get(tag);
        return a == null || a.getVM() == 0 ? def : Attribute.getSingleDoubleValueOrDefault(a, def);
    }

    private static double[] doubles(AttributeList list, AttributeTag tag, double[] def) {
        Attribute a = list.get(tag);
        if (a == null || a.getVM() == 0) {
            return def;
        }
        try {
            return a.getDoubleValues();
        } catch (com.pixelmed.dicom.DicomException e) {
            return def;
        }
    }
}
