/**
 * Stage II reporting use cases: the worklist fed by received studies, the reporting commands with
 * their transactions, history and events, the report's views, and the port to the case's data.
 */
package org.teleris.consult.application.reporting;
