/**
 * Adapters of the stage II context: JPA repositories, file storage, PixelMed networking and
 * rendering, PDF and SR writers.
 */
package org.teleris.consult.infrastructure;
