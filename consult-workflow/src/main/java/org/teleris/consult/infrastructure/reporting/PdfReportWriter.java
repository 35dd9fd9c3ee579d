package org.teleris.consult.infrastructure.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.teleris.consult.application.reporting.ReportViews;
import org.teleris.consult.domain.reporting.CtClass;
import org.teleris.consult.domain.reporting.Lang;
import org.teleris.consult.domain.reporting.ReportDraft;
import org.teleris.consult.domain.reporting.SeverityTable;

/**
 * The delivered report as a PDF (Apache PDFBox) in the reader's language, with DejaVu fonts
 * embedded (subsets) so that Cyrillic reads the same everywhere. Plain A4, wrapped text.
 */
public final class PdfReportWriter {

    private static final float MARGIN = 50;
    private static final float SIZE = 10;
    private static final float LEADING = 14;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Path regularFont;
    private final Path boldFont;

    public PdfReportWriter(Path fontDirectory) {
        this.regularFont = fontDirectory.resolve("DejaVuSans.ttf");
        this.boldFont = fontDirectory.resolve("DejaVuSans-Bold.ttf");
    }

    public byte[] write(ReportViews.ReportView report, Lang lang) throws IOException {
        if (!Files.isReadable(regularFont) || !Files.isReadable(boldFont)) {
            throw new IOException("report fonts missing: " + regularFont + " (install fonts-dejavu-core or set"
                    + " ris.reporting.font-dir)");
        }
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PDType0Font.load(doc, regularFont.toFile());
            PDFont bold = PDType0Font.load(doc, boldFont.toFile());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(ReportLabels.get("title", lang));
            info.setCreator("Teleris RIS");
            Writer w = new Writer(doc, regular, bold);
            ReportViews.WorklistItem item = report.item();
            w.line(bold, 15, ReportLabels.get("title", lang));
            w.gap();
            w.field(ReportLabels.get("organisation", lang), item.organisationName());
            w.field(ReportLabels.get("case", lang), item.caseId());
            w.field(ReportLabels.get("study", lang), item.studyInstanceUid());
            w.field(ReportLabels.get("received", lang), time(item.receivedAt()));
            w.field(ReportLabels.get("delivered", lang), time(report.deliveredAt()));
            w.field(ReportLabels.get("question", lang), item.question());
            w.field(ReportLabels.get("clinical", lang), item.clinicalSummary());
            SeverityTable table = SeverityTable.standard();
            for (ReportViews.VersionView v : report.versions()) {
                w.gap();
                if ("ADDENDUM".equals(v.kind())) {
                    w.line(bold, 12, ReportLabels.get("addendum", lang) + " " + v.number());
                    w.paragraph(regular, v.addendumText());
                    w.paragraph(regular, ReportLabels.get("signed", lang, v.signedByName(), time(v.signedAt())));
                    continue;
                }
                ReportDraft c = v.content();
                w.line(bold, 12, ReportLabels.get("version", lang) + " " + v.number());
                w.field(ReportLabels.get("findings", lang), findings(c, table, lang));
                w.field(ReportLabels.get("distribution", lang), distribution(c, table, lang));
                w.paragraph(regular, ReportLabels.get("involvement", lang, pct(c.involvementRightPct()),
                        pct(c.involvementLeftPct()), pct(c.effectiveTotalPct())));
                if (c.dynamics() != null) {
                    w.field(ReportLabels.get("dynamics", lang), ReportLabels.get("dynamics." + c.dynamics(), lang));
                }
                w.field(ReportLabels.get("class", lang), className(c.ctClass(), table, lang));
                w.field(ReportLabels.get("proposal", lang), className(parse(v.proposedClass()), table, lang));
                if (v.aiClass() != null) {
                    w.field(ReportLabels.get("ai", lang), className(parse(v.aiClass()), table, lang));
                }
                if (c.disagreementComment() != null) {
                    w.field(ReportLabels.get("disagreement", lang), c.disagreementComment());
                }
                w.field(ReportLabels.get("routing", lang), table.routing(c.ctClass(), lang));
                w.field(ReportLabels.get("conclusion", lang), c.conclusion());
                w.field(ReportLabels.get("recommendations", lang), c.recommendations());
                w.paragraph(regular, ReportLabels.get("signed", lang, v.signedByName(), time(v.signedAt())));
                if (v.secondReadAt() != null) {
                    w.paragraph(regular, ReportLabels.get(Boolean.TRUE.equals(v.secondReadAgrees()) ? "second.agree"
                            : "second.disagree", lang, v.secondReaderName(), time(v.secondReadAt())));
                    if (v.secondReadComment() != null) {
                        w.field(ReportLabels.get("comment", lang), v.secondReadComment());
                    }
                }
            }
            w.gap();
            w.paragraph(regular, ReportLabels.get("footer", lang));
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    static CtClass parse(String name) {
        return name == null ? null : CtClass.valueOf(name);
    }

    static String className(CtClass c, SeverityTable table, Lang lang) {
        return c == null ? "–" : table.text(c, SeverityTable.Column.NAME, lang);
    }

    static String pct(Integer value) {
        return value == null ? "–" : value + " %";
    }

    static String time(Instant at) {
        return at == null ? "–" : TIME.format(at);
    }

    static String findings(ReportDraft c, SeverityTable table, Lang lang) {
        List<String> found = new ArrayList<>();
        if (c.groundGlass()) {
            found.add(table.finding("GGO", lang));
        }
        if (c.consolidation()) {
            found.add(table.finding("CONSOLIDATION", lang));
        }
        if (c.crazyPaving()) {
            found.add(table.finding("CRAZY_PAVING", lang));
        }
        if (c.reticular()) {
            found.add(table.finding("RETICULAR", lang));
        }
        if (c.hydrothorax()) {
            found.add(table.finding("HYDROTHORAX", lang) + (c.hydrothoraxSide() == null ? ""
                    : " (" + ReportLabels.get("side." + c.hydrothoraxSide(), lang) + ")"));
        }
        return found.isEmpty() ? ReportLabels.get("none", lang) : String.join("; ", found);
    }

    static String distribution(ReportDraft c, SeverityTable table, Lang lang) {
        List<String> flags = new ArrayList<>();
        if (c.bilateral()) {
            flags.add(table.finding("BILATERAL", lang));
        }
        if (c.lowerLobe()) {
            flags.add(table.finding("LOWER_LOBE", lang));
        }
        if (c.peripheral()) {
            flags.add(table.finding("PERIPHERAL", lang));
        }
        if (c.perivascular()) {
            flags.add(table.finding("PERIVASCULAR", lang));
        }
        return flags.isEmpty() ? ReportLabels.get("none", lang) : String.join("; ", flags);
    }

    /** Lines top to bottom, wrapped to the page width, new pages as needed. */
    private static final class Writer {
        private final PDDocument doc;
        private final PDFont regular;
        private final PDFont bold;
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void field(String label, String value) throws IOException {
            if (value == null || value.isBlank()) {
                return;
            }
            line(bold, SIZE, label + ":");
            paragraph(regular, value);
        }

        void paragraph(PDFont font, String text) throws IOException {
            if (text == null) {
                return;
            }
            for (String para : text.split("\\R")) {
                for (String l : wrap(font, SIZE, para)) {
                    line(font, SIZE, l);
                }
            }
        }

        void line(PDFont font, float size, String text) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(printable(font, text));
            stream.endText();
            y -= size > SIZE ? size + 6 : LEADING;
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (width(font, size, candidate) <= width || current.length() == 0) {
                    current.setLength(0);
                    current.append(candidate);
                } else {
                    lines.add(current.toString());
                    current.setLength(0);
                    current.append(word);
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(printable(font, text)) / 1000 * size;
        }

        /** Characters the font lacks (rare symbols, control characters) become '?' instead of failing. */
        private static String printable(PDFont font, String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                boolean ok = !Character.isISOControl(cp);
                if (ok) {
                    try {
                        font.encode(ch);
                    } catch (IOException | IllegalArgumentException e) {
                        ok = false;
                    }
                }
                out.append(ok ? ch : "?");
            });
            return out.toString();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
