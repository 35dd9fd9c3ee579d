package org.teleris.consult.application.dicomweb;

/** No such study, series or instance for this caller: 404, exactly like another organisation's. */
public class StudyNotFoundException extends RuntimeException {

    public StudyNotFoundException(String uid) {
        super("No study, series or instance " + uid + " that you may see.");
    }
}
