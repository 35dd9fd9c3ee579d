/**
 * Test fixtures built at test time: the synthetic DICOM study generator with planted PHI, its patients, and helpers
 * that run the real tools (dciodvfy, dcmtk) and search output bytes. Nothing here is a mock.
 */
package org.teleris.anonymizer.testdata;
