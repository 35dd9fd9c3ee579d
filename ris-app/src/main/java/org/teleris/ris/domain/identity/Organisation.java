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

    /** Upload setting: may its AE titles open DICOM associations (C-ECHO, C-STORE)? */
    @Column(name = "dicom_network_enabled", nullable = false)
    private boolean dicomNetworkEnabled = true;

    protected Organisation() {
    }

    public Organisation(String name, OrganisationKind kind, List<String> aeTitles) {
        this.id = UUID.randomUUID().toString();
        this.name = requireText(name, "organisation name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.aeTitles.addAll(normaliseAeTitles(aeTitles));
    }

    /**
     * AE titles as stored: trimmed, upper case, each 1-16 characters of the DICOM default
     * repertoire without backslash, none twice.
     */
    public static List<String> normaliseAeTitles(List<String> aeTitles) {
        List<String> result = new ArrayList<>();
        for (String aeTitle : aeTitles) {
            String trimmed = aeTitle == null ? "" : aeTitle.trim();
            if (!AE_TITLE.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("AE title '" + aeTitle + "' is not 1-16 printable characters"
                        + " of the DICOM default repertoire (no backslash)");
            }
            String normal = trimmed.toUpperCase(Locale.ROOT);
            if (result.contains(normal)) {
                throw new IllegalArgumentException("AE title " + normal + " is listed twice");
            }
            result.add(normal);
        }
        return result;
    }

    public void rename(String newName) {
        this.name = requireText(newName, "organisation name");
    }

    public void replaceAeTitles(List<String> newTitles) {
        List<String> normal = normaliseAeTitles(newTitles);
        this.aeTitles.clear();
        this.aeTitles.addAll(normal);
    }

    public void setDicomNetworkEnabled(boolean enabled) {
        this.dicomNetworkEnabled = enabled;
    }

    public boolean dicomNetworkEnabled() {
        return dicomNetworkEnabled;
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
