/**
 * The anonymisation audit: a record of every uploaded object, accepted or refused, with what the
 * anonymiser did to it and the latest re-verification; never the removed values.
 */
package org.teleris.ris.domain.anonymisation;
