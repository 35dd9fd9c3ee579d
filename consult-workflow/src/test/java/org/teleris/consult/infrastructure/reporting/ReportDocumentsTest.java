package org.teleris.consult.infrastructure.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.consult.application.reporting.ReportViews;
import org.teleris.consult.domain.reporting.Actor;
import org.teleris.consult.domain.reporting.ClinicalPicture;
import org.teleris.consult.domain.reporting.ConsultReport;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Dynamics;
import org.teleris.consult.domain.reporting.HydrothoraxSide;
import org.teleris.consult.domain.reporting.Lang;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.ReportVersion;
import org.teleris.consult.domain.reporting.ReportingTimeLimits;
import org.teleris.consult.domain.reporting.SeverityRules;
import org.teleris.consult.domain.reporting.SeverityTable;
import org.teleris.consult.domain.reporting.StudyContext;
import org.teleris.consult.domain.reporting.Symptom;
import org.teleris.consult.testdata.SyntheticCt;

/**
 * The delivered report's documents checked with real tools: the PDF through poppler's pdftotext
 * (Cyrillic and English text) and pdffonts (fonts embedded), the SR through dicom3tools' dciodvfy.
 */
class ReportDocumentsTest {

    static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    static final Instant T = Instant.parse("2026-11-23T09:00:00Z");
    static SyntheticCt ct = new SyntheticCt(4242);
    static ReportViews.ReportView report;

    @TempDir
    Path temp;

    @BeforeAll
    static void deliveredReport() {
        SeverityRules rules = SeverityRules.standard();
        Actor first = new Actor("e1", "expert", "Dr. Mikhail Orlov", Actor.Kind.EXPERT, "ref");
        Actor second = new Actor("e2", "expert2", "Dr. Olga Smirnova", Actor.Kind.EXPERT, "ref");
        ConsultReport r = ConsultReport.receive(new StudyContext("case-1", "s-1", "north", "Северная клиника",
                ct.studyUid(), 1, 3, "Вирусная пневмония? / viral pneumonia?", "CT", "CHEST",
                ClinicalPicture.vitals(38.7, 24, 94, null).withSymptoms(Set.of(Symptom.COUGH), true), 5, "PENDING"),
                ReportingTimeLimits.parse(null), rules, T);
        r.noteAiResult("p=0.91 CT3", CtClass.CT3);
        r.claim(first, T);
        r.saveDraft(first, new ReportDraft(true, true, true, false, true, HydrothoraxSide.BILATERAL, true, true, true,
                false, 40, 30, null, Dynamics.WORSE, 20, 36, false, false, false, false, CtClass.CT3, null,
                "Двусторонняя вирусная пневмония, объём поражения 35 %", "Госпитализация; контроль КТ через 7 дней"));
        List<ReportVersion> versions = new ArrayList<>();
        ReportVersion v1 = r.sign(first, rules, T.plusSeconds(600));
        versions.add(v1);
        r.secondRead(second, v1, true, "Согласна", T.plusSeconds(900));
        versions.add(r.addAddendum(second, "ПЦР положительная (день 6)", T.plusSeconds(3600)));
        report = ReportViews.full(r, r.proposal(rules), null, versions, List.of(), false, SeverityTable.standard(),
                T.plusSeconds(4000));
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void pdfInRussianCarriesCyrillicTextWithEmbeddedFonts() throws Exception {
        Path pdf = temp.resolve("ru.pdf");
        Files.write(pdf, new PdfReportWriter(FONTS).write(report, Lang.RU));
        String text = run(temp, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
        for (String expected : List.of("Заключение экспертной телеконсультации", "Северная клиника",
                "КТ-3 (тяжёлая)", "Срочная госпитализация в COVID-стационар", "Матовое стекло", "Консолидация",
                "Гидроторакс (двусторонний)", "справа 40 %, слева 30 %, всего 35 %", "отрицательная",
                "Двусторонняя вирусная пневмония", "Подписал(а) Dr. Mikhail Orlov, 2026-11-23 09:10 UTC",
                "Второе чтение: согласен(на) Dr. Olga Smirnova, 2026-11-23 09:15 UTC", "Согласна",
                "Дополнение 2", "ПЦР положительная (день 6)")) {
            assertTrue(text.replaceAll("\\s+", " ").contains(expected), expected + " not in:\n" + text);
        }
        String fonts = run(temp, "pdffonts", pdf.toString());
        assertTrue(fonts.contains("DejaVuSans"), fonts);
        fonts.lines().skip(2).forEach(line -> assertTrue(line.matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"),
                "font not embedded (emb sub uni): " + line));
    }

    @Test
    void pdfInEnglishHasTheEnglishTable() throws Exception {
        Path pdf = temp.resolve("en.pdf");
        Files.write(pdf, new PdfReportWriter(FONTS).write(report, Lang.EN));
        String text = run(temp, "pdftotext", "-enc", "UTF-8", pdf.toString(), "-").replaceAll("\\s+", " ");
        for (String expected : List.of("Expert teleconsultation report", "CT-3 (severe)",
                "Immediate admission to a COVID hospital", "Ground-glass opacities", "Hydrothorax (bilateral)",
                "right 40 %, left 30 %, total 35 %", "Second reading: agreed by Dr. Olga Smirnova",
                "Proposed by the severity table", "AI estimate (For Research Purposes Only)",
                "Двусторонняя вирусная пневмония")) {
            assertTrue(text.contains(expected), expected + " not in:\n" + text);
        }
    }

    @Test
    void missingFontsAreAClearError() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new PdfReportWriter(temp.resolve("no-fonts")).write(report, Lang.EN));
        assertTrue(e.getMessage().contains("ris.reporting.font-dir"));
    }

    @Test
    void srOfTheStudyPassesDciodvfyAndCarriesTheDeidentifiedPatient() throws Exception {
        AttributeList slice = ct.slice(1, 64, 0);
        // as intake stores it: de-identified patient module
        slice.replaceWithValueIfPresent(TagFromName.PatientName, "ANON7QX2");
        slice.replaceWithValueIfPresent(TagFromName.PatientID, "ANON7QX2");
        for (com.pixelmed.dicom.AttributeTag tag : new com.pixelmed.dicom.AttributeTag[] {TagFromName.PatientBirthDate,
                TagFromName.ReferringPhysicianName, TagFromName.AccessionNumber, TagFromName.StudyID}) {
            slice.replaceWithZeroLengthIfPresent(tag);
        }
        Attribute removed = new com.pixelmed.dicom.CodeStringAttribute(TagFromName.PatientIdentityRemoved);
        removed.addValue("YES");
        slice.put(removed);
        Attribute method = new com.pixelmed.dicom.LongStringAttribute(TagFromName.DeidentificationMethod);
        method.addValue("Teleris PS3.15 E basic profile");
        slice.put(method);
        com.pixelmed.dicom.CodedSequenceItem.putSingleCodedSequenceItem(slice,
                TagFromName.DeidentificationMethodCodeSequence, "113100", "DCM",
                "Basic Application Confidentiality Profile");
        Path study = temp.resolve("slice.dcm");
        Files.write(study, SyntheticCt.bytes(slice));
        byte[] sr = new SrReportWriter().write(report, study, List.of(new SrReportWriter.SourceInstance(
                ct.seriesUid(), SyntheticCt.CT_IMAGE, ct.sopUid(1))), T.plusSeconds(4000));
        Path file = temp.resolve("report.dcm");
        Files.write(file, sr);
        String verdict = run(temp, "dciodvfy", file.toString());
        assertFalse(verdict.lines().anyMatch(l -> l.startsWith("Error")), verdict);
        assertTrue(verdict.contains("EnhancedSR") || verdict.contains("Enhanced SR"), verdict);

        AttributeList read = SrReportWriter.readHeader(file);
        assertEquals(ct.studyUid(), Attribute.getSingleStringValueOrEmptyString(read, TagFromName.StudyInstanceUID));
        assertEquals("ANON7QX2", Attribute.getSingleStringValueOrEmptyString(read, TagFromName.PatientName));
        assertEquals("YES", Attribute.getSingleStringValueOrEmptyString(read, TagFromName.PatientIdentityRemoved));
        assertEquals("VERIFIED", Attribute.getSingleStringValueOrEmptyString(read, TagFromName.VerificationFlag));
        String dump = new String(sr, StandardCharsets.UTF_8);
        for (String absent : SyntheticCt.PHI) {
            assertFalse(dump.contains(absent), "PHI of the source in the SR: " + absent);
        }
        assertTrue(dump.contains("Двусторонняя вирусная пневмония"), "UTF-8 text kept");
        assertTrue(dump.contains(ct.sopUid(1)), "evidence references the study's instances");
    }
}
