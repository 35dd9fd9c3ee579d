/**
 * Stage II AI: runs a registered model on a received study (automatically when the study is
 * complete, or on demand) and keeps its DICOM outputs with the study; advice only.
 */
package org.teleris.consult.application.ai;
