/**
 * Tests of the domain: ROC/AUC mathematics against hand-computed cases, the CT class rule's
 * boundaries and the model card parser.
 */
package org.teleris.ai.domain;
