package org.teleris.ris.domain.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A tenant: the reference centre or a regional clinic, with the DICOM AE titles it sends from. */
@Entity
@Table(name = "organisation")
public class Organisation {

    /** DICOM AE titles: 1 to 16 characters of the default repertoire, no backslash or control characters. */
    private static final Pattern AE_TITLE = Pattern.compile("[\\x20-\\x5B\\x5D-\\x7E]{1,16}");

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "organisation_ae_title", joinColumns = @JoinColumn(name = "organisation_id"))
    @Column(name = "ae_title", nullable = false)
    private List<String> aeTitles = new ArrayList<>();

    protected Organisation() {
    }

    public Organisation(String name, OrganisationKind kind, List<String> aeTitles) {
        this.id = UUID.randomUUID().toString();
        this.name = requireText(name, "organisation name");
        this.kind = Objects.requireNonNull(kind, "kind");
        for (String aeTitle : aeTitles) {
            String trimmed = aeTitle.trim();
            if (!AE_TITLE.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("AE title '" + aeTitle + "' is not 1-16 printable characters");
            }
            this.aeTitles.add(trimmed.toUpperCase(Locale.ROOT));
        }
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public List<String> aeTitles() {
        return List.copyOf(aeTitles);
    }
}
