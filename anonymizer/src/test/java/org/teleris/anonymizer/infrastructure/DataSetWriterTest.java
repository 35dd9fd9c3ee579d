package org.teleris.anonymizer.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.teleris.anonymizer.domain.Tag;

/** The own writer's encoding rules that the agreement test with PixelMed cannot reach with real files. */
class DataSetWriterTest {

    /** Basic Text SR: an object without pixels (an image without them is declined as truncated). */
    private static final String SR = "1.2.840.10008.5.1.4.1.1.88.11";

    @Test
    void aValueTooLongForItsShortLengthIsRefusedNotTruncated() {
        List<ElementNode> elements = new ArrayList<>();
        byte[] huge = new byte[70_000];
        Arrays.fill(huge, (byte) 'A');
        elements.add(ElementNode.value(new Tag(0x0008, 0x1155), "UI", ElementNode.TextCodec.ASCII, huge));
        DataSetNode dataSet = new DataSetNode(elements, ElementNode.TextCodec.ASCII);
        assertThrows(IllegalArgumentException.class,
                () -> DataSetWriter.encode(dataSet, SR, "2.25.1", DataSetReader.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void whatItWritesItReadsBack() {
        List<ElementNode> elements = new ArrayList<>();
        elements.add(ElementNode.value(new Tag(0x0008, 0x0016), "UI", ElementNode.TextCodec.ASCII,
                ElementNode.encode("UI", SR, ElementNode.TextCodec.ASCII)));
        elements.add(ElementNode.value(new Tag(0x0008, 0x0018), "UI", ElementNode.TextCodec.ASCII,
                ElementNode.encode("UI", "2.25.1", ElementNode.TextCodec.ASCII)));
        elements.add(ElementNode.value(new Tag(0x0040, 0xA160), "UT", ElementNode.TextCodec.ASCII,
                ElementNode.encode("UT", "odd", ElementNode.TextCodec.ASCII)));
        DataSetNode dataSet = new DataSetNode(elements, ElementNode.TextCodec.ASCII);
        dataSet.putSequence(new Tag(0x0012, 0x0064), List.of(List.of(
                new org.teleris.anonymizer.domain.EditableDataSet.TextElement(new Tag(0x0008, 0x0100), "SH", "113100"))));
        byte[] file = DataSetWriter.encode(dataSet, SR, "2.25.1", DataSetReader.EXPLICIT_VR_LITTLE_ENDIAN).bytes();
        DataSetReader.Parsed parsed = DataSetReader.read(file, file.length);
        assertEquals(DataSetReader.EXPLICIT_VR_LITTLE_ENDIAN, parsed.transferSyntaxUid());
        assertEquals(List.of("odd "), parsed.dataSet().get(new Tag(0x0040, 0xA160)).textValues(), "padded to even");
        assertArrayEquals("2.25.1".getBytes(), parsed.dataSet().get(new Tag(0x0008, 0x0018)).value(), "UIDs end in NUL padding only when odd");
        assertEquals(List.of("113100"), parsed.dataSet().get(new Tag(0x0012, 0x0064)).items().get(0)
                .get(new Tag(0x0008, 0x0100)).textValues());
    }
}
