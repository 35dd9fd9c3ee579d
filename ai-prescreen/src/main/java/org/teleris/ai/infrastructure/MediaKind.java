package org.teleris.ai.infrastructure;

/** What a preview upload really is, judged from its bytes (never from its name or declared type). */
public enum MediaKind {
    DICOM, PNG, JPEG, GIF, VIDEO, UNKNOWN;

    /** Magic-number sniffing; DICOM by its "DICM" prefix after the 128-byte preamble. */
    public static MediaKind of(byte[] b) {
        if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            return DICOM;
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return GIF;
        }
        boolean mp4 = b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
        boolean avi = starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'A' && b[9] == 'V' && b[10] == 'I';
        if (mp4 || avi || starts(b, 0x1A, 0x45, 0xDF, 0xA3) || starts(b, 0x00, 0x00, 0x01, 0xBA)
                || starts(b, 0x00, 0x00, 0x01, 0xB3) || starts(b, 0x30, 0x26, 0xB2, 0x75) || starts(b, 'F', 'L', 'V')
                || starts(b, 'O', 'g', 'g', 'S')) {
            return VIDEO;
        }
        return UNKNOWN;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
