package org.teleris.anonymizer.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.CodeStringAttribute;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.PersonNameAttribute;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.domain.DeidentificationOptions;
import org.teleris.anonymizer.domain.InstanceRejectedException;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.RejectionCode;
import org.teleris.anonymizer.infrastructure.TesseractOcr;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** Content outside the common path: encapsulated documents and YBR_FULL ultrasound. */
class UnusualContentTest {

    @TempDir
    Path dir;

    @Test
    void encapsulatedPdfIsRefusedBecauseItsTextIsOpaque() throws Exception {
        AttributeList l = new AttributeList();
        put(l, new UniqueIdentifierAttribute(new AttributeTag(0x0008, 0x0016)), "1.2.840.10008.5.1.4.1.1.104.1");
        put(l, new UniqueIdentifierAttribute(new AttributeTag(0x0008, 0x0018)), "1.2.826.0.1.3680043.9.7777.5");
        put(l, new CodeStringAttribute(new AttributeTag(0x0008, 0x0060)), "DOC");
        put(l, new PersonNameAttribute(new AttributeTag(0x0010, 0x0010)), "Smithson^Johanna");
        put(l, new LongStringAttribute(new AttributeTag(0x0042, 0x0012)), "application/pdf");
        OtherByteAttribute doc = new OtherByteAttribute(new AttributeTag(0x0042, 0x0011));
        doc.setValues("%PDF-1.4 (Report for Johanna Smithson) %%EOF".getBytes(StandardCharsets.US_ASCII));
        l.put(doc);
        Path in = SyntheticStudyGenerator.write(l, dir.resolve("pdf.dcm"), null);
        InstanceRejectedException e = assertThrows(InstanceRejectedException.class, () -> SyntheticStudyDeidentificationTest.DEID
                .deidentify(in, dir.resolve("out.dcm"), SyntheticStudyDeidentificationTest.SECRET, DeidentificationOptions.serverDefaults()));
        assertEquals(RejectionCode.CONTENT_NOT_CLEANABLE, e.code());
        assertTrue(Files.notExists(dir.resolve("out.dcm")));
    }

    @Test
    void ybrFullUltrasoundIsCleanedOnItsLuminance() throws Exception {
        AttributeList us = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240801", 41).ultrasound();
        byte[] rgb = us.get(new AttributeTag(0x7FE0, 0x0010)).getByteValues();
        byte[] ybr = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            int r = rgb[i] & 0xFF;
            int g = rgb[i + 1] & 0xFF;
            int b = rgb[i + 2] & 0xFF;
            ybr[i] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
            ybr[i + 1] = (byte) clamp(-0.1687 * r - 0.3313 * g + 0.5 * b + 128);
            ybr[i + 2] = (byte) clamp(0.5 * r - 0.4187 * g - 0.0813 * b + 128);
        }
        us.get(new AttributeTag(0x7FE0, 0x0010)).setValues(ybr);
        us.get(new AttributeTag(0x0028, 0x0004)).setValue("YBR_FULL");
        Path in = SyntheticStudyGenerator.write(us, dir.resolve("ybr.dcm"), null);
        Path out = dir.resolve("ybr-out.dcm");
        InstanceReport r = SyntheticStudyDeidentificationTest.DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET,
                DeidentificationOptions.serverDefaults());
        assertTrue(r.pixelDataCleaned());
        assertTrue(r.maskedRegions().stream().anyMatch(m -> m.intersects(10, 10, 200, 20)), r.maskedRegions().toString());
        BufferedImage luminance = OutputImages.render(DicomTestSupport.read(out));
        assertTrue(new TesseractOcr().findText(luminance).stream().noneMatch(b -> b.y < 70), "text left");
        byte[] after = DicomTestSupport.pixelBytes(DicomTestSupport.read(out));
        int i = (20 * 480 + 20) * 3;
        assertEquals(0, after[i] & 0xFF, "Y black");
        assertEquals(128, after[i + 1] & 0xFF, "Cb neutral");
    }

    @Test
    void anOverlayEmbeddedInUnusedPixelBitsIsErased() throws Exception {
        AttributeList cr = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240802", 42).projection(true, 32);
        for (AttributeTag t : new java.util.ArrayList<>(cr.keySet())) {
            if (t.getGroup() == 0x6000) {
                cr.remove(t);
            }
        }
        put(cr, new com.pixelmed.dicom.UnsignedShortAttribute(new AttributeTag(0x6000, 0x0100)), "16");
        put(cr, new com.pixelmed.dicom.UnsignedShortAttribute(new AttributeTag(0x6000, 0x0102)), "12");
        put(cr, new CodeStringAttribute(new AttributeTag(0x6000, 0x0040)), "G");
        short[] px = cr.get(new AttributeTag(0x7FE0, 0x0010)).getShortValues();
        short[] original = px.clone();
        for (int x = 2; x < 20; x++) {
            px[3 * 32 + x] |= 1 << 12; // a line "drawn" in bit 12, above Bits Stored = 12
        }
        cr.get(new AttributeTag(0x7FE0, 0x0010)).setValues(px);
        Path in = SyntheticStudyGenerator.write(cr, dir.resolve("embedded.dcm"), null);
        Path out = dir.resolve("embedded-out.dcm");
        InstanceReport r = SyntheticStudyDeidentificationTest.DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET,
                DeidentificationOptions.serverDefaults());
        assertTrue(r.pixelDataCleaned());
        short[] after = DicomTestSupport.read(out).get(new AttributeTag(0x7FE0, 0x0010)).getShortValues();
        assertTrue(java.util.Arrays.equals(original, after), "overlay bits gone, 12-bit values untouched");
    }

    /** PixelMed reads a public tag sent as UN by its dictionary VR, so it is cleaned like any descriptor. */
    @Test
    void aDescriptorSentAsUnknownVrDoesNotLeak() throws Exception {
        AttributeList ct = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240803", 43).ctSeries(1, 16).get(0);
        ct.remove(new AttributeTag(0x0008, 0x1030));
        com.pixelmed.dicom.UnknownAttribute un = new com.pixelmed.dicom.UnknownAttribute(new AttributeTag(0x0008, 0x1030));
        un.setValues("CHEST CT Bartholomew Quincey ".getBytes(StandardCharsets.US_ASCII));
        ct.put(un);
        Path in = SyntheticStudyGenerator.write(ct, dir.resolve("un.dcm"), null);
        assertTrue(new String(Files.readAllBytes(in), StandardCharsets.ISO_8859_1).contains("Bartholomew"));
        Path out = dir.resolve("un-out.dcm");
        SyntheticStudyDeidentificationTest.DEID.deidentify(in, out, SyntheticStudyDeidentificationTest.SECRET,
                DeidentificationOptions.serverDefaults());
        String bytes = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
        assertTrue(!bytes.contains("Bartholomew") && !bytes.contains("Quincey"));
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void put(AttributeList l, com.pixelmed.dicom.Attribute a, String v) throws Exception {
        a.addValue(v);
        l.put(a);
    }
}
