package org.teleris.anonymizer.testdata;

import com.pixelmed.dicom.AttributeList;
import java.nio.file.Path;

/**
 * Writes the benchmark input: a synthetic chest CT (default 300 slices, 512x512, 16-bit, explicit VR little
 * endian) with the generator's planted PHI. Usage: {@code BenchmarkCtGenerator OUTDIR [SLICES] [SIZE]}.
 */
public final class BenchmarkCtGenerator {

    private BenchmarkCtGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int slices = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        SyntheticStudyGenerator g = new SyntheticStudyGenerator(SyntheticPatient.cyrillicIsoIr144(), "20240115", 1);
        int batch = 25; // bounded memory: 25 slices of 512 KiB at a time
        for (int start = 0; start < slices; start += batch) {
            int n = Math.min(batch, slices - start);
            java.util.List<AttributeList> series = g.ctSeries(n, size);
            for (int i = 0; i < n; i++) {
                SyntheticStudyGenerator.write(series.get(i), out.resolve(String.format("CT%04d.dcm", start + i + 1)), null);
            }
        }
        System.out.println("wrote " + slices + " CT slices of " + size + "x" + size + " to " + out);
    }
}
