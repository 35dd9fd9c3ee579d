package org.teleris.it;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.TransferSyntax;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A chest CT as a clinic's scanner would send it, PHI included: names, IDs, dates and times, UIDs
 * under the hospital's root, free text, institution, and a vendor's private block. Deterministic
 * for a given seed. Also a command-line tool for the benchmark:
 * {@code java -cp /usr/share/java/pixelmed.jar SyntheticCt.java <folder> <slices> [size] [seed]}.
 */
final class SyntheticCt {

    static final String PATIENT_NAME = "Korolyova^Anastasia^Petrovna";
    static final String PATIENT_ID = "MRN-4471-0923";
    static final String BIRTH_DATE = "19580312";
    static final String STUDY_DATE = "20250214";
    static final String HOSPITAL_ROOT = "1.2.826.0.1.3680043.9.4471.";
    static final String PRIVATE_TEXT = "Scanned by Dr Gennady Lebedev for Korolyova";
    static final String FREE_TEXT = "Pt Korolyova A.P. DOB 12.03.1958 fever 6 days, phone +7 912 555 0199";

    private SyntheticCt() {
    }

    /** Writes {@code slices} files into {@code folder}; returns the SOP Instance UIDs as sent. */
    static List<String> write(Path folder, int slices, int size, long seed) throws Exception {
        return write(folder, slices, size, seed, 1.25);
    }

    /** As above, slices {@code spacingMm} apart (the AI needs at least 100 mm of chest). */
    static List<String> write(Path folder, int slices, int size, long seed, double spacingMm) throws Exception {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        String study = HOSPITAL_ROOT + seed + "." + STUDY_DATE + ".1";
        String series = study + ".2";
        String frame = study + ".3";
        short[] pixels = new short[size * size];
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            String sop = series + "." + (i + 1);
            AttributeList l = new AttributeList();
            put(l, 0x0008, 0x0005, "ISO_IR 100");
            put(l, 0x0008, 0x0008, "ORIGINAL\\PRIMARY\\AXIAL");
            put(l, 0x0008, 0x0016, "1.2.840.10008.5.1.4.1.1.2");
            put(l, 0x0008, 0x0018, sop);
            put(l, 0x0008, 0x0020, STUDY_DATE);
            put(l, 0x0008, 0x0021, STUDY_DATE);
            put(l, 0x0008, 0x0022, STUDY_DATE);
            put(l, 0x0008, 0x0023, STUDY_DATE);
            put(l, 0x0008, 0x0030, "093012");
            put(l, 0x0008, 0x0031, "093514");
            put(l, 0x0008, 0x0033, String.format("0936%02d", i % 60));
            put(l, 0x0008, 0x0050, "ACC" + (900000 + seed % 1000));
            put(l, 0x0008, 0x0060, "CT");
            put(l, 0x0008, 0x0070, "ACME Medical");
            put(l, 0x0008, 0x0080, "Northern Regional Clinic No 3");
            put(l, 0x0008, 0x0081, "12 Lenina St, Arkhangelsk");
            put(l, 0x0008, 0x0090, "Smirnov^Oleg");
            put(l, 0x0008, 0x1010, "CT-NORTH-01");
            put(l, 0x0008, 0x1030, "Chest CT for Korolyova, suspected viral pneumonia");
            put(l, 0x0008, 0x103E, "Thorax 1.25 mm");
            put(l, 0x0008, 0x1050, "Lebedev^Gennady");
            put(l, 0x0008, 0x1070, "Ivanova^Maria");
            put(l, 0x0010, 0x0010, PATIENT_NAME);
            put(l, 0x0010, 0x0020, PATIENT_ID);
            put(l, 0x0010, 0x0030, BIRTH_DATE);
            put(l, 0x0010, 0x0040, "F");
            put(l, 0x0010, 0x1000, "PASSPORT 4509 123456");
            put(l, 0x0010, 0x1010, "067Y");
            put(l, 0x0010, 0x1040, "5 Pobedy Ave, flat 17, Arkhangelsk");
            put(l, 0x0010, 0x21B0, FREE_TEXT);
            put(l, 0x0018, 0x0050, String.valueOf(spacingMm));
            put(l, 0x0018, 0x0060, "120");
            put(l, 0x0018, 0x1000, "SN-77812");
            put(l, 0x0018, 0x5100, "HFS");
            put(l, 0x0020, 0x000D, study);
            put(l, 0x0020, 0x000E, series);
            put(l, 0x0020, 0x0010, "S" + seed);
            put(l, 0x0020, 0x0011, "2");
            put(l, 0x0020, 0x0012, "1");
            put(l, 0x0020, 0x0013, String.valueOf(i + 1));
            put(l, 0x0020, 0x0060, "");
            put(l, 0x0020, 0x1040, "");
            put(l, 0x0020, 0x0032, "-175.5\\-180.25\\" + (-100 - spacingMm * i));
            put(l, 0x0020, 0x0037, "1\\0\\0\\0\\1\\0");
            put(l, 0x0020, 0x0052, frame);
            put(l, 0x0020, 0x1041, String.valueOf(-100 - spacingMm * i));
            put(l, 0x0020, 0x4000, "Slice " + (i + 1) + " of Korolyova, call Dr Lebedev");
            put(l, 0x0028, 0x0002, "1");
            put(l, 0x0028, 0x0004, "MONOCHROME2");
            put(l, 0x0028, 0x0010, String.valueOf(size));
            put(l, 0x0028, 0x0011, String.valueOf(size));
            put(l, 0x0028, 0x0030, "0.683594\\0.683594");
            put(l, 0x0028, 0x0100, "16");
            put(l, 0x0028, 0x0101, "16");
            put(l, 0x0028, 0x0102, "15");
            put(l, 0x0028, 0x0103, "1");
            put(l, 0x0028, 0x1050, "-600");
            put(l, 0x0028, 0x1051, "1500");
            put(l, 0x0028, 0x1052, "-1024");
            put(l, 0x0028, 0x1053, "1");
            put(l, 0x0009, 0x0010, "ACME CT 1.0");
            put(l, 0x0009, 0x1001, PRIVATE_TEXT);
            put(l, 0x0009, 0x1002, PATIENT_ID);
            phantom(pixels, size, i, random);
            OtherWordAttribute data = new OtherWordAttribute(new AttributeTag(0x7FE0, 0x0010));
            data.setValues(pixels);
            l.put(data);
            FileMetaInformation.addFileMetaInformation(l, TransferSyntax.ExplicitVRLittleEndian, "NORTH_CT");
            File file = folder.resolve(String.format("CT%05d.dcm", i + 1)).toFile();
            l.write(file, TransferSyntax.ExplicitVRLittleEndian, true, true);
            uids.add(sop);
        }
        return uids;
    }

    /** A body ellipse with lungs and noise, in CT numbers plus 1024. */
    private static void phantom(short[] pixels, int size, int slice, Random random) {
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x - c) / (size * 0.42);
                double dy = (y - c) / (size * 0.32);
                double lx = (Math.abs(x - c) - size * 0.18) / (size * 0.13);
                double ly = (y - c) / (size * 0.22);
                int hu;
                if (dx * dx + dy * dy > 1) {
                    hu = -1000;
                } else if (lx * lx + ly * ly < 1) {
                    hu = -850 + ((x * 31 + y * 17 + slice * 7) % 90);
                } else {
                    hu = 40;
                }
                pixels[y * size + x] = (short) (hu + 1024 + random.nextInt(21) - 10);
            }
        }
    }

    private static void put(AttributeList list, int group, int element, String value) throws Exception {
        AttributeTag tag = new AttributeTag(group, element);
        Attribute attribute = tag.isPrivate() ? new com.pixelmed.dicom.LongStringAttribute(tag)
                : AttributeFactory.newAttribute(tag);
        if (!value.isEmpty()) {
            attribute.addValue(value);
        }
        list.put(attribute);
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        long started = System.nanoTime();
        List<String> uids = write(Path.of(args[0]), Integer.parseInt(args[1]), size, seed);
        System.out.printf("SyntheticCt: %d slices of %dx%d in %s (%.1f s)%n", uids.size(), size, size, args[0],
                (System.nanoTime() - started) / 1e9);
    }
}
