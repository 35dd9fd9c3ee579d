/**
 * Domain of the AI prescreen: model card, registry and model ports, prescreen result and CT class rule,
 * ROC/AUC mathematics. Plain Java with no toolkit types, so it can be reasoned about and tested alone.
 */
package org.teleris.ai.domain;
