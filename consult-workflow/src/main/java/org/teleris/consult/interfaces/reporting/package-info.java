/**
 * Stage II reporting over HTTP: the expert worklist, the report with its commands, the delivered
 * documents (PDF, DICOM SR), request bodies and the error mappers of reporting refusals.
 */
package org.teleris.consult.interfaces.reporting;
