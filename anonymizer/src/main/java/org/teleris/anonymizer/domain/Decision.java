package org.teleris.anonymizer.domain;

/** The action chosen for one attribute and the rule that chose it (for the report; never a value). */
public record Decision(Action action, String rule) {
}
