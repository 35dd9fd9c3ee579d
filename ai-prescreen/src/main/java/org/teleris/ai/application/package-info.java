/**
 * Use cases of the AI prescreen: preprocessing to a model's card, the prescreen pipeline and the
 * bounded, time-limited prescreen service, draft texts, quality counters and ROC evaluation.
 */
package org.teleris.ai.application;
