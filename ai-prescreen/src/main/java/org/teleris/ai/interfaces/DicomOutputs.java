package org.teleris.ai.interfaces;

import java.nio.file.Path;
import java.util.List;

/** Files written for stage II: the AI result SR and the research-marked secondary capture series. */
public record DicomOutputs(Path structuredReport, List<Path> secondaryCaptures) {
}
