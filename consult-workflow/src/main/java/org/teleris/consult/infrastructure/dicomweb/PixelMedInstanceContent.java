package org.teleris.consult.infrastructure.dicomweb;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.ConsumerFormatImageMaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.teleris.consult.application.dicomweb.InstanceContent;

/** Reads stored instances with PixelMed for WADO-RS: DICOM JSON metadata, raw frames, PNG. */
@ApplicationScoped
public class PixelMedInstanceContent implements InstanceContent {

    /**
     * The JSON provider, looked up once (on first use): {@code jakarta.json.Json.createObjectBuilder()}
     * looks it up on every call (a ServiceLoader scan); the metadata of a 300-instance series took seconds.
     */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }

    private static final Set<String> NUMBER_VRS = Set.of("US", "SS", "UL", "SL", "FL", "FD", "IS", "DS", "UV", "SV");
    private static final Set<String> BINARY_VRS = Set.of("OB", "OW", "OF", "OD", "OL", "OV", "UN");

    @Override
    public JsonObject metadata(Path file) throws IOException {
        try {
            return dataSet(read(file, true));
        } catch (DicomException e) {
            throw new IOException("unreadable stored instance", e);
        }
    }

    @Override
    public byte[] frame(Path file, int number) throws IOException {
        try {
            AttributeList list = read(file, false);
            int rows = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Rows, 0);
            int columns = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.Columns, 0);
            int samples = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.SamplesPerPixel, 1);
            int bits = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.BitsAllocated, 16);
            int frames = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.NumberOfFrames, 1);
            Attribute pixels = list.get(TagFromName.PixelData);
            if (pixels == null || rows == 0 || columns == 0) {
                throw new IllegalArgumentException("the instance has no pixel data");
            }
            if (number < 1 || number > frames) {
                throw new IllegalArgumentException("frame " + number + " does not exist (1.." + frames + ")");
            }
            int frameBytes = rows * columns * samples * (bits / 8);
            byte[] all;
            if (bits > 8) {
                short[] words = pixels.getShortValues();
                ByteBuffer buffer = ByteBuffer.allocate(words.length * 2).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asShortBuffer().put(words);
                all = buffer.array();
            } else {
                all = pixels.getByteValues();
            }
            if (all.length < frameBytes * number) {
                throw new IllegalArgumentException("compressed or truncated pixel data: frames are served uncompressed only");
            }
            byte[] frame = new byte[frameBytes];
            System.arraycopy(all, frameBytes * (number - 1), frame, 0, frameBytes);
            return frame;
        } catch (DicomException e) {
            throw new IOException("unreadable stored instance", e);
        }
    }

    @Override
    public byte[] renderedPng(Path file) throws IOException {
        return rendered(file, "image/png", null);
    }

    @Override
    public byte[] rendered(Path file, String mediaType, Window window) throws IOException {
        String format = switch (mediaType) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpeg";
            default -> throw new IllegalArgumentException("rendered images are image/png or image/jpeg");
        };
        try {
            AttributeList list = read(file, false);
            if (window != null) {
                // PixelMed's 8-bit maker applies the data set's own VOI window: the requested one replaces it.
                list.remove(TagFromName.VOILUTSequence);
                putDecimal(list, TagFromName.WindowCenter, window.center());
                putDecimal(list, TagFromName.WindowWidth, window.width());
            }
            BufferedImage image = ConsumerFormatImageMaker.makeEightBitImage(list);
            if (image == null) {
                throw new IllegalArgumentException("the instance holds no image");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("the instance cannot be rendered as " + mediaType);
            }
            return out.toByteArray();
        } catch (DicomException e) {
            throw new IllegalArgumentException("the instance cannot be rendered");
        }
    }

    private static void putDecimal(AttributeList list, AttributeTag tag, double value) throws DicomException {
        Attribute a = new com.pixelmed.dicom.DecimalStringAttribute(tag);
        String text = String.format(Locale.ROOT, "%.4f", value);
        a.addValue(text.length() > 16 ? String.format(Locale.ROOT, "%.1f", value) : text);
        list.put(a);
    }

    private static AttributeList read(Path file, boolean headerOnly) throws IOException, DicomException {
        AttributeList list = new AttributeList();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 64 * 1024);
                DicomInputStream din = new DicomInputStream(in)) {
            if (headerOnly) {
                list.read(din, TagFromName.PixelData);
            } else {
                list.read(din);
            }
        }
        return list;
    }

    private static JsonObject dataSet(AttributeList list) throws DicomException {
        JsonObjectBuilder out = Json.PROVIDER.createObjectBuilder();
        for (AttributeTag tag : new java.util.TreeSet<>(list.keySet())) {
            if (tag.getGroup() == 0x0002 || tag.equals(TagFromName.PixelData)) {
                continue;
            }
            Attribute a = list.get(tag);
            String vr = new String(a.getVR(), java.nio.charset.StandardCharsets.US_ASCII);
            JsonObjectBuilder element = Json.PROVIDER.createObjectBuilder().add("vr", vr);
            JsonArrayBuilder values = Json.PROVIDER.createArrayBuilder();
            boolean any = false;
            if (a instanceof SequenceAttribute sq) {
                for (int i = 0; i < sq.getNumberOfItems(); i++) {
                    values.add(dataSet(sq.getItem(i).getAttributeList()));
                    any = true;
                }
            } else if (!BINARY_VRS.contains(vr)) {
                String[] strings = a.getStringValues();
                for (String s : strings == null ? new String[0] : strings) {
                    String v = s.trim();
                    if ("PN".equals(vr)) {
                        values.add(Json.PROVIDER.createObjectBuilder().add("Alphabetic", v));
                        any = true;
                    } else if (NUMBER_VRS.contains(vr)) {
                        if (!v.isEmpty()) {
                            try {
                                if ("DS".equals(vr) || "FL".equals(vr) || "FD".equals(vr)) {
                                    values.add(Double.parseDouble(v));
                                } else {
                                    values.add(Long.parseLong(v));
                                }
                                any = true;
                            } catch (NumberFormatException ignored) {
                                // a malformed number is left out rather than sent as text
                            }
                        }
                    } else {
                        values.add(v);
                        any = true;
                    }
                }
            }
            if (any) {
                element.add("Value", values);
            }
            out.add(String.format(Locale.ROOT, "%04X%04X", tag.getGroup(), tag.getElement()), element);
        }
        return out.build();
    }
}
