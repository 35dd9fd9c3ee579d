package org.teleris.anonymizer.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.teleris.anonymizer.domain.BatchReport;
import org.teleris.anonymizer.domain.InstanceReport;
import org.teleris.anonymizer.domain.Outcome;
import org.teleris.anonymizer.domain.Rejection;
import org.teleris.anonymizer.domain.RejectionCode;

/** The CLI renders report entries in the workers; the joined report must be the one rendered at the end. */
class JsonTest {

    @Test
    void entriesRenderedOneByOneJoinIntoTheSameReport() {
        InstanceReport ok = new InstanceReport(Outcome.DEIDENTIFIED, "p", "1", List.of("A"), "1.2", "1.2.840.10008.1.2.1",
                false, List.of(), List.of(), null, null);
        InstanceReport no = ok.rejected(new Rejection(RejectionCode.NOT_DICOM, "not \"DICOM\"\n"));
        BatchReport report = new BatchReport("p", "1", List.of("A"), false, 2, 1, 1,
                List.of(new BatchReport.Entry("a/1.dcm", ok), new BatchReport.Entry("b\\2.dcm", no)));
        String joined = Json.writeBatch(report, report.files().stream().map(Json::entry).toList());
        assertEquals(Json.writeBatch(report), joined);
        assertTrue(joined.contains("\"b\\\\2.dcm\"") && joined.contains("not \\\"DICOM\\\"\\n"), joined);
        BatchReport empty = new BatchReport("p", "1", List.of(), true, 0, 0, 0, List.of());
        assertEquals(Json.writeBatch(empty), Json.writeBatch(empty, List.of()));
    }
}
