package org.teleris.ai.domain;

import java.util.List;

/**
 * Input that passed the analysability checks, in HU. A preview is a handful of sampled slices (or a
 * screenshot) rather than a contiguous volume; the preprocessing treats the two differently.
 */
public record LoadedScan(HuVolume volume, boolean preview, StudyIdentity study, List<SourceInstance> sources) {
}
