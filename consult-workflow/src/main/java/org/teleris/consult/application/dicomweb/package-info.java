/**
 * The read side of DICOMweb: which stored studies, series and instances a caller may find and
 * retrieve (doctors their organisation's, the reference centre completed uploads only).
 */
package org.teleris.consult.application.dicomweb;
