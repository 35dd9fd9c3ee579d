package org.teleris.ai.infrastructure;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.teleris.ai.domain.LocalisationMap;
import org.teleris.ai.domain.PrescreenResult;
import org.teleris.ai.domain.SourceInstance;

/**
 * Writes a Secondary Capture series of RGB images: source slices in the lung window with the heat
 * map blended in and "FOR RESEARCH PURPOSES ONLY" burned into every image (Burned In Annotation
 * YES). A subset of slices is written: evenly spaced ones plus the most involved, which is enough
 * to review the AI's localisation without doubling the study's size.
 */
public final class ResearchCaptureWriter {
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    private final ResearchImageRenderer renderer = new ResearchImageRenderer();

    /**
     * @param sourceFiles the study's files (any order; matched by SOP Instance UID)
     * @param maxImages   at most this many images
     * @return the files written
     */
    public List<Path> write(PrescreenResult r, List<Path> sourceFiles, Path outDir, int maxImages) throws IOException {
        if (!r.completed() || r.localisation() == null || r.sources().isEmpty()) {
            throw new IllegalArgumentException("a capture series needs a completed result with a localisation map and sources");
        }
        Map<String, Path> byUid = indexByInstanceUid(sourceFiles);
        LocalisationMap map = r.localisation();
        List<SourceInstance> chosen = choose(r.sources(), map, maxImages);
        Files.createDirectories(outDir);
        String seriesUid = DicomAttributes.newUid();
        String caption = "AI heat map: " + r.modelId() + " " + r.modelVersion();
        List<Path> written = new ArrayList<>();
        int number = 1;
        for (SourceInstance src : chosen) {
            Path file = byUid.get(src.sopInstanceUid());
            if (file == null) {
                throw new IOException("source instance not among the files: " + src.sopInstanceUid());
            }
            DicomCtSlice slice;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                slice = DicomSliceReader.decode(in, file.getFileName().toString());
            }
            int index = src.sliceIndex();
            BufferedImage img = renderer.render(slice.hu(), slice.rows(), slice.cols(),
                    (row, col) -> map.atSource(index, row, col), caption);
            Path out = outDir.resolve(String.format("SC%04d.dcm", number));
            writeImage(r, src, img, seriesUid, number, out);
            written.add(out);
            number++;
        }
        return written;
    }

    static List<SourceInstance> choose(List<SourceInstance> sources, LocalisationMap map, int maxImages) {
        int n = sources.size();
        int k = Math.max(1, Math.min(maxImages, n));
        TreeSet<Integer> picks = new TreeSet<>();
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < n; i++) {
            double s = map.sourceSliceScore(i);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        picks.add(best);
        for (int i = 0; picks.size() < k && i < k; i++) {
            picks.add(k == 1 ? best : (int) Math.round(i * (n - 1.0) / (k - 1)));
        }
        return picks.stream().limit(k).map(sources::get).toList();
    }

    private static Map<String, Path> indexByInstanceUid(List<Path> files) throws IOException {
        Map<String, Path> map = new HashMap<>();
        for (Path f : files) {
            AttributeList list = new AttributeList();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f))) {
                list.read(new com.pixelmed.dicom.DicomInputStream(in), TagFromName.PixelData); // header only
            } catch (DicomException e) {
                continue; // not DICOM: cannot be a source
            }
            map.put(DicomSliceReader.str(list, TagFromName.SOPInstanceUID), f);
        }
        return map;
    }

    private static void writeImage(PrescreenResult r, SourceInstance src, BufferedImage img, String seriesUid,
                                   int number, Path out) throws IOException {
        try {
            AttributeList list = new AttributeList();
            String[] now = DicomAttributes.nowDateTime();
            DicomAttributes.put(list, TagFromName.SOPClassUID, SECONDARY_CAPTURE);
            DicomAttributes.put(list, TagFromName.SOPInstanceUID, DicomAttributes.newUid());
            DicomAttributes.putPatientAndStudy(list, r.study());
            DicomAttributes.put(list, TagFromName.Modality, "OT");
            DicomAttributes.put(list, TagFromName.SeriesInstanceUID, seriesUid);
            DicomAttributes.put(list, TagFromName.SeriesNumber, 9902);
            DicomAttributes.put(list, TagFromName.Laterality, ""); // 2C: paired organs unknown for a chest capture
            DicomAttributes.put(list, TagFromName.SeriesDescription, "AI HEAT MAP - FOR RESEARCH PURPOSES ONLY");
            DicomAttributes.put(list, TagFromName.Manufacturer, DicomAttributes.MANUFACTURER);
            DicomAttributes.put(list, TagFromName.ConversionType, "WSD");
            DicomAttributes.put(list, TagFromName.SecondaryCaptureDeviceManufacturer, DicomAttributes.MANUFACTURER);
            DicomAttributes.put(list, TagFromName.SecondaryCaptureDeviceManufacturerModelName, r.modelId());
            DicomAttributes.put(list, TagFromName.SecondaryCaptureDeviceSoftwareVersions, r.modelVersion());
            DicomAttributes.put(list, TagFromName.DateOfSecondaryCapture, now[0]);
            DicomAttributes.put(list, TagFromName.TimeOfSecondaryCapture, now[1]);
            DicomAttributes.put(list, TagFromName.InstanceNumber, number);
            DicomAttributes.put(list, TagFromName.PatientOrientation, "L\\P");
            DicomAttributes.put(list, TagFromName.ContentDate, now[0]);
            DicomAttributes.put(list, TagFromName.ContentTime, now[1]);
            DicomAttributes.put(list, TagFromName.ImageType, "DERIVED\\SECONDARY");
            DicomAttributes.put(list, TagFromName.BurnedInAnnotation, "YES");
            DicomAttributes.put(list, TagFromName.ImageComments, "FOR RESEARCH PURPOSES ONLY. AI heat map, not a diagnosis.");
            DicomAttributes.put(list, TagFromName.DerivationDescription, "Lung window with AI localisation map ("
                    + r.modelId() + " " + r.modelVersion() + ") blended in");
            AttributeList ref = new AttributeList();
            DicomAttributes.put(ref, TagFromName.ReferencedSOPClassUID, src.sopClassUid());
            DicomAttributes.put(ref, TagFromName.ReferencedSOPInstanceUID, src.sopInstanceUid());
            DicomAttributes.sequence(list, TagFromName.SourceImageSequence).addItem(ref);
            putPixels(list, img);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TELERIS");
            list.write(out.toString(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        } catch (DicomException e) {
            throw new IOException("capture image could not be written: " + e.getMessage(), e);
        }
    }

    private static void putPixels(AttributeList list, BufferedImage img) throws DicomException {
        int rows = img.getHeight();
        int cols = img.getWidth();
        byte[] rgb = new byte[rows * cols * 3];
        for (int y = 0, i = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                int p = img.getRGB(x, y);
                rgb[i++] = (byte) (p >> 16);
                rgb[i++] = (byte) (p >> 8);
                rgb[i++] = (byte) p;
            }
        }
        DicomAttributes.put(list, TagFromName.SamplesPerPixel, 3);
        DicomAttributes.put(list, TagFromName.PhotometricInterpretation, "RGB");
        DicomAttributes.put(list, TagFromName.PlanarConfiguration, 0);
        DicomAttributes.put(list, TagFromName.Rows, rows);
        DicomAttributes.put(list, TagFromName.Columns, cols);
        DicomAttributes.put(list, TagFromName.BitsAllocated, 8);
        DicomAttributes.put(list, TagFromName.BitsStored, 8);
        DicomAttributes.put(list, TagFromName.HighBit, 7);
        DicomAttributes.put(list, TagFromName.PixelRepresentation, 0);
        OtherByteAttribute pixels = new OtherByteAttribute(TagFromName.PixelData);
        pixels.setValues(rgb);
        list.put(pixels);
    }
}
