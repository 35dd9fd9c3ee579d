/**
 * The intake model: upload sessions, stored instances and the study index, with the events the
 * rest of the product observes (instance ingested, study received).
 */
package org.teleris.consult.domain.intake;
