/**
 * What the stage II AI reports to the rest of the product: the result of a study run as numbers
 * (for quality monitoring and the worklist), never a decision.
 */
package org.teleris.consult.domain.ai;
