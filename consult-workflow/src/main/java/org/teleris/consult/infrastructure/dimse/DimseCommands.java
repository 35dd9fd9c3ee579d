package org.teleris.consult.infrastructure.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DIMSE command sets (PS3.7): requests are read with PixelMed, responses are written here in
 * Implicit VR Little Endian because PixelMed's response messages carry no Error Comment.
 */
final class DimseCommands {

    static final int C_STORE_RQ = 0x0001;
    static final int C_ECHO_RQ = 0x0030;
    static final int RESPONSE_BIT = 0x8000;
    static final int NO_DATA_SET = 0x0101;

    /** The fields of a request command that this SCP acts on. */
    record Request(int commandField, int messageId, String affectedSopClassUid, String affectedSopInstanceUid,
                   boolean hasDataSet) {
    }

    private DimseCommands() {
    }

    static Request parse(byte[] commandSet) throws IOException {
        AttributeList list = new AttributeList();
        try {
            list.read(new DicomInputStream(new ByteArrayInputStream(commandSet), TransferSyntax.ImplicitVRLittleEndian,
                    false));
        } catch (DicomException e) {
            throw new IOException("unreadable command set", e);
        }
        int commandField = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.CommandField, -1);
        int messageId = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.MessageID, 0);
        int dataSetType = Attribute.getSingleIntegerValueOrDefault(list, TagFromName.CommandDataSetType, NO_DATA_SET);
        String sopClass = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.AffectedSOPClassUID).trim();
        String sopInstance = Attribute.getSingleStringValueOrEmptyString(list, TagFromName.AffectedSOPInstanceUID).trim();
        return new Request(commandField, messageId, sopClass, sopInstance, dataSetType != NO_DATA_SET);
    }

    static boolean isStorage(String sopClassUid) {
        return SOPClass.isStorage(sopClassUid);
    }

    static boolean isVerification(String sopClassUid) {
        return SOPClass.isVerification(sopClassUid);
    }

    /** A response command set: (0000,0002), (0000,0100), (0000,0120), (0000,0800), (0000,0900), (0000,0902), (0000,1000). */
    static byte[] response(Request request, int status, String errorComment) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream(256);
        if (!request.affectedSopClassUid().isEmpty()) {
            element(elements, 0x0002, uid(request.affectedSopClassUid()));
        }
        element(elements, 0x0100, us(request.commandField() | RESPONSE_BIT));
        element(elements, 0x0120, us(request.messageId()));
        element(elements, 0x0800, us(NO_DATA_SET));
        element(elements, 0x0900, us(status));
        if (errorComment != null && !errorComment.isEmpty()) {
            element(elements, 0x0902, text(errorComment.length() > 64 ? errorComment.substring(0, 64) : errorComment));
        }
        if (!request.affectedSopInstanceUid().isEmpty()) {
            element(elements, 0x1000, uid(request.affectedSopInstanceUid()));
        }
        byte[] body = elements.toByteArray();
        ByteArrayOutputStream all = new ByteArrayOutputStream(body.length + 12);
        element(all, 0x0000, ul(body.length));
        all.writeBytes(body);
        return all.toByteArray();
    }

    /** Writes the Part 10 preamble and file meta information that precede a received data set. */
    static void writeFileMeta(OutputStream out, Request request, String transferSyntaxUid, String sourceAe)
            throws IOException {
        try {
            FileMetaInformation meta = new FileMetaInformation(request.affectedSopClassUid(),
                    request.affectedSopInstanceUid(), transferSyntaxUid, sourceAe);
            DicomOutputStream dicom = new DicomOutputStream(out, TransferSyntax.ExplicitVRLittleEndian, null);
            meta.getAttributeList().write(dicom);
            dicom.flush();
        } catch (DicomException e) {
            throw new IOException("cannot write file meta information", e);
        }
    }

    private static void element(ByteArrayOutputStream out, int element, byte[] value) {
        out.write(0);
        out.write(0);
        out.write(element & 0xff);
        out.write((element >> 8) & 0xff);
        int length = value.length;
        out.write(length & 0xff);
        out.write((length >> 8) & 0xff);
        out.write((length >> 16) & 0xff);
        out.write((length >> 24) & 0xff);
        out.writeBytes(value);
    }

    private static byte[] us(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8)};
    }

    private static byte[] ul(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }

    private static byte[] uid(String uid) {
        byte[] ascii = uid.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length % 2 == 0) {
            return ascii;
        }
        byte[] padded = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, padded, 0, ascii.length);
        return padded;
    }

    private static byte[] text(String value) {
        String ascii = value.replaceAll("[^\\x20-\\x7e]", "?");
        return (ascii.length() % 2 == 0 ? ascii : ascii + " ").getBytes(StandardCharsets.US_ASCII);
    }
}
