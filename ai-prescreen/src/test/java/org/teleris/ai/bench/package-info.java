/**
 * The benchmark behind scripts/bench/ai-prescreen.sh: a 300-slice 512x512 synthetic CT through the whole
 * stage II path, and stage I previews (DICOM slices, screenshot) to result, timed after a warm-up.
 */
package org.teleris.ai.bench;
