package org.teleris.ris.domain.aiquality;

/**
 * Where an AI result was produced, and which decision it is judged against: triage (the duty
 * consultant requested the full study, or declined) or consultation (the expert's class: CT-1..4
 * or CT-0).
 */
public enum AiStage { TRIAGE, CONSULTATION }
