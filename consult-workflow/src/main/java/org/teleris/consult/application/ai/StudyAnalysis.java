package org.teleris.consult.application.ai;

import java.nio.file.Path;
import java.util.List;

/** Port: an AI model run on a whole study, with its DICOM outputs written into a folder. */
public interface StudyAnalysis {

    /** The result as numbers and the files written (SR first, then the research captures). */
    record Analysis(String kind, String defect, String modelId, String modelVersion, Double probability,
                    String ctClass, Double involvementTotal, long durationMillis, List<Path> outputs) {
    }

    /** A registered model, as the on-demand form lists it. */
    record Model(String id, String name, String version, String intendedUse, String evaluatedAuc, String limits) {
    }

    /** Never throws for a model failure: that is a TECHNOLOGICAL_DEFECT analysis without outputs. */
    Analysis analyse(List<Path> studyFiles, String modelId, Path outputDirectory);

    List<Model> models();
}
