/**
 * What the server calls: the {@code AiPrescreen} facade (stage I previews, stage II studies, on-demand
 * runs, DICOM outputs, quality and ROC evaluation) and its small immutable request/result types.
 */
package org.teleris.ai.interfaces;
