package org.teleris.anonymizer.interfaces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.teleris.anonymizer.testdata.DicomTestSupport;
import org.teleris.anonymizer.testdata.SyntheticPatient;
import org.teleris.anonymizer.testdata.SyntheticStudyGenerator;

/** The command line: folder structure, report, exit statuses; and the bin/anonymize script itself. */
class AnonymizeCommandTest {

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AnonymizeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path input() throws Exception {
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.latin(), "20240501", 12);
        var ct = g.ctSeries(2, 32);
        Path in = dir.resolve("in");
        SyntheticStudyGenerator.write(ct.get(0), in.resolve("study/series1/a.dcm"), null);
        SyntheticStudyGenerator.write(ct.get(1), in.resolve("study/series1/b.dcm"), null);
        Files.writeString(in.resolve("study/notes.txt"), "Patient Johanna Smithson, call +44 20 7946 0958");
        Files.writeString(dir.resolve("secret"), "a-clinic-secret-of-enough-length\n");
        return in;
    }

    @Test
    void deidentifiesAFolderIntoTheSameStructureAndRefusesTheRest() throws Exception {
        Path in = input();
        Path o = dir.resolve("out");
        int status = run("--secret-file", dir.resolve("secret").toString(), "--output", o.toString(),
                "--option", "retain-longitudinal-modified-dates", "--option", "clean-descriptors", in.toString());
        assertEquals(AnonymizeCommand.REJECTED, status, err.toString());
        assertTrue(Files.exists(o.resolve("study/series1/a.dcm")));
        assertTrue(Files.exists(o.resolve("study/series1/b.dcm")));
        assertFalse(Files.exists(o.resolve("study/notes.txt")), "a rejected file is not written");
        String report = Files.readString(o.resolve(AnonymizeCommand.REPORT_FILE));
        assertTrue(report.contains("\"rejected\": 1") && report.contains("\"passed\": 2"), report.substring(0, 400));
        assertTrue(report.contains("NOT_DICOM") && report.contains("\"tagPath\": \"(0010,1040)\""));
        assertFalse(report.contains("Smithson"), "the report never holds values");
        assertTrue(err.toString().contains("rejected study/notes.txt"), err.toString());
        // the output verifies; the input does not
        out.reset();
        assertEquals(AnonymizeCommand.OK, run("--verify-only", o.resolve("study").toString()), err.toString());
        assertTrue(out.toString().contains("\"VERIFIED\""));
        assertEquals(AnonymizeCommand.REJECTED, run("--verify-only", in.resolve("study/series1").toString()));
    }

    @Test
    void aProfileFileChangesTheRulesWithoutCode() throws Exception {
        Path in = input();
        String basic;
        try (var r = org.teleris.anonymizer.domain.ConfidentialityProfile.class.getResourceAsStream("profile/basic-profile.tsv")) {
            basic = new String(r.readAllBytes(), StandardCharsets.UTF_8);
        }
        String custom = basic.replace("# profile-version\t2025a-1", "# profile-version\tclinic-7")
                .replaceAll("(?m)^00100040\tPatient's Sex\t[^\t]*", "00100040\tPatient's Sex\tK");
        Path profile = Files.writeString(dir.resolve("custom.tsv"), custom);
        Path o = dir.resolve("custom-out");
        assertEquals(AnonymizeCommand.OK, run("--profile", profile.toString(), "--option", "none", "--secret-file",
                dir.resolve("secret").toString(), "-o", o.toString(), in.resolve("study/series1").toString()), err.toString());
        var out = DicomTestSupport.read(o.resolve("a.dcm"));
        assertEquals("F", DicomTestSupport.value(out, 0x0010, 0x0040), "sex kept by the custom profile");
        assertTrue(DicomTestSupport.value(out, 0x0012, 0x0063).contains("clinic-7"));
        assertTrue(Files.readString(o.resolve(AnonymizeCommand.REPORT_FILE)).contains("\"profileVersion\": \"clinic-7\""));
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Path in = input();
        assertEquals(AnonymizeCommand.USAGE, run(in.toString()));
        assertEquals(AnonymizeCommand.USAGE, run("--option", "no-such-option", "--verify-only", in.toString()));
        assertEquals(AnonymizeCommand.USAGE, run("--verify-only", dir.resolve("missing").toString()));
        Files.writeString(dir.resolve("short"), "short");
        assertEquals(AnonymizeCommand.USAGE, run("--secret-file", dir.resolve("short").toString(), "-o", dir.resolve("o").toString(), in.toString()));
        assertTrue(err.toString().contains("at least 16 bytes"), err.toString());
    }

    /**
     * The script archives its classes (AppCDS) once per build from a training run, whatever the build's first run is:
     * archiving that first run itself once kept the dozen classes of a usage error, and every later run started
     * without the rest.
     */
    @Test
    void theClassArchiveHoldsTheClassesOfADeidentificationWhateverTheFirstRunWas() throws Exception {
        Path in = input();
        Path script = Path.of("bin/anonymize").toAbsolutePath();
        Path target = Path.of("target").toAbsolutePath();
        DicomTestSupport.run(List.of("bash", "-c", script + " --help > /dev/null"), 300); // builds the jar if missing
        deleteArchives(target);
        String refused = DicomTestSupport.run(List.of("bash", "-c", script + " --secret-file " + dir.resolve("secret")
                + " -o " + dir.resolve("none") + " " + dir.resolve("missing") + " 2>/dev/null; echo EXIT=$?"), 300);
        assertTrue(refused.contains("EXIT=2"), refused);
        List<Path> archives = archives(target);
        assertEquals(1, archives.size(), "the first run of a build, a usage error here, trains the archive");
        Path jar;
        try (var files = Files.list(target)) {
            jar = files.filter(f -> f.getFileName().toString().matches("anonymizer-.*\\.jar")
                    && !f.getFileName().toString().contains("sources") && !f.getFileName().toString().contains("tests"))
                    .findFirst().orElseThrow();
        }
        String loaded = DicomTestSupport.run(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-XX:SharedArchiveFile=" + archives.get(0), "-Xlog:class+load=info", "-jar", jar.toString(),
                "--secret-file", dir.resolve("secret").toString(), "-o", dir.resolve("archived").toString(),
                in.resolve("study/series1").toString()), 300);
        assertTrue(Files.exists(dir.resolve("archived/a.dcm")), loaded);
        for (String perFile : List.of("infrastructure.HeaderOnlyInstance", "infrastructure.DataSetWriter",
                "domain.ProfileApplier", "domain.ResidualPhiVerifier", "domain.MultiNeedleSearch", "interfaces.Json")) {
            assertTrue(loaded.contains("org.teleris.anonymizer." + perFile + " source: shared objects file (top)"),
                    perFile + " comes from the archive:\n" + loaded.lines().filter(l -> l.contains(perFile)).toList());
        }
    }

    private static List<Path> archives(Path target) throws java.io.IOException {
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("anonymize-\\d+\\.jsa")).toList();
        }
    }

    private static void deleteArchives(Path target) throws java.io.IOException {
        for (Path f : archives(target)) {
            Files.delete(f);
        }
    }

    @Test
    void theShellScriptRunsTheJar() throws Exception {
        Path in = input();
        Path script = Path.of("bin/anonymize").toAbsolutePath();
        assertTrue(Files.isExecutable(script), script.toString());
        Path o = dir.resolve("script-out");
        String output = DicomTestSupport.run(List.of("bash", "-c", script + " --secret-file " + dir.resolve("secret") + " -o " + o + " "
                + in.resolve("study/series1") + "; echo EXIT=$?"), 300);
        assertTrue(output.contains("EXIT=0"), output);
        assertTrue(Files.exists(o.resolve("a.dcm")) && Files.exists(o.resolve(AnonymizeCommand.REPORT_FILE)));
    }
}
