/**
 * Stage II reporting model: the severity table as data and the rules that propose a CT class,
 * the report aggregate with its state machine, second read and addenda, and the worklist rules.
 */
package org.teleris.consult.domain.reporting;
