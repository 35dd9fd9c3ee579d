/** Synthetic DICOM for the stage II tests, generated with PixelMed (never committed files). */
package org.teleris.consult.testdata;
