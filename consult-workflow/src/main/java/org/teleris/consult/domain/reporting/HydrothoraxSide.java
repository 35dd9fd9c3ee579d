package org.teleris.consult.domain.reporting;

public enum HydrothoraxSide { LEFT, RIGHT, BILATERAL }
