package org.teleris.consult.application.reporting;

import java.io.IOException;
import org.teleris.consult.domain.reporting.Lang;

/**
 * Port: the delivered report as documents, written once per delivered state (report id and number
 * of versions) and kept: a PDF per language and a DICOM SR that joins the study.
 */
public interface ReportDocuments {

    byte[] pdf(ReportViews.ReportView report, Lang lang) throws IOException;

    byte[] sr(ReportViews.ReportView report) throws IOException;
}
