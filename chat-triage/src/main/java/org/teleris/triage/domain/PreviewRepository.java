package org.teleris.triage.domain;

import java.util.List;
import java.util.Optional;

public interface PreviewRepository {

    void add(Preview preview);

    Optional<Preview> find(String id);

    List<Preview> ofCase(String caseId);
}
