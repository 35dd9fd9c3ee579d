package org.teleris.consult.domain.intake;

/**
 * OPEN: waiting for the first instance; RECEIVING: instances arriving, the study is visible to the
 * sending organisation only; COMPLETE: the doctor (or the C-STORE quiet period) closed it and the
 * study is visible to the experts.
 */
public enum UploadSessionState { OPEN, RECEIVING, COMPLETE }
