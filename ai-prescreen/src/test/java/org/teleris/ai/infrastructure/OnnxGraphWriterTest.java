package org.teleris.ai.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OnnxGraphWriterTest {
    @Test
    void varintsAndFieldsFollowTheProtobufWireFormat() {
        // field 1 varint 300 -> 08 AC 02 (example from the protobuf encoding guide)
        assertArrayEquals(HexFormat.of().parseHex("08ac02"), new ProtoWriter().varint(1, 300).toByteArray());
        // field 2 string "testing" -> 12 07 74 65 73 74 69 6e 67
        assertArrayEquals(HexFormat.of().parseHex("120774657374696e67"), new ProtoWriter().string(2, "testing").toByteArray());
        // negative int64 takes ten bytes
        assertArrayEquals(HexFormat.of().parseHex("18ffffffffffffffffff01"), new ProtoWriter().varint(3, -1).toByteArray());
        // field 2 fixed32 float 1.0 -> 15 00 00 80 3f
        assertArrayEquals(HexFormat.of().parseHex("150000803f"), new ProtoWriter().float32(2, 1.0f).toByteArray());
    }

    @Test
    void builtInGraphIsSmallAndDeterministic() {
        byte[] a = LungInvolvementGraph.build();
        byte[] b = LungInvolvementGraph.build();
        assertArrayEquals(a, b);
        assertTrue(a.length < 200_000, "size " + a.length);
    }

    @Test
    void graphAndJavaClassRuleShareTheRelevanceFloor() {
        org.junit.jupiter.api.Assertions.assertEquals(org.teleris.ai.domain.CtClassRule.RELEVANT_INVOLVEMENT,
                LungInvolvementGraph.RELEVANT_INVOLVEMENT, 1e-7);
    }
}
