/**
 * Entry points for people and scripts: the {@code anonymize} command line and the JSON form of the reports.
 * It only parses arguments, calls the application facades and prints; no rules live here.
 */
package org.teleris.anonymizer.interfaces;
