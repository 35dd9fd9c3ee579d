/**
 * AI quality monitoring: each AI result as numbers, the doctors' decisions it is judged against,
 * and the rules that turn them into defect counts and accuracy.
 */
package org.teleris.ris.domain.aiquality;
