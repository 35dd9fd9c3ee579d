/**
 * Adapters of stage II reporting: the JPA repository, the breach watch (EJB timer), the PDF
 * writer (PDFBox) and the DICOM SR writer (PixelMed), the document store and the live worklist.
 */
package org.teleris.consult.infrastructure.reporting;
