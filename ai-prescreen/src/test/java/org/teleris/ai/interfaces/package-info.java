/**
 * End-to-end tests of the facade: DICOM studies and previews in, results, heat maps, draft texts, and
 * the SR and secondary capture out, validated by dciodvfy and dsrdump.
 */
package org.teleris.ai.interfaces;
