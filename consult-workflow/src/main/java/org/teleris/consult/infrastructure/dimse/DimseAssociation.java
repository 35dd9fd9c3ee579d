package org.teleris.consult.infrastructure.dimse;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One association, acceptor side, of the DICOM upper layer protocol (PS3.8): A-ASSOCIATE (the
 * calling AE is checked before anything is accepted), P-DATA with C-ECHO and C-STORE, A-RELEASE
 * and A-ABORT. Received data sets stream from the socket into a spool file, never into memory.
 */
final class DimseAssociation implements Runnable {

    private static final Logger LOG = Logger.getLogger(DimseAssociation.class.getName());

    static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    static final String IMPLEMENTATION_CLASS_UID = "2.25.281861547372919463094830138614361297301";
    static final String IMPLEMENTATION_VERSION = "TELERIS_RIS_1";
    /** The largest P-DATA PDU we accept; senders cut their data to this. */
    static final int OUR_MAX_PDU = 262_144;

    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    /** Transfer syntaxes we accept, best first: the intake reads them all without decompressing pixels. */
    static final List<String> ACCEPTED_SYNTAXES = List.of(EXPLICIT_LE, IMPLICIT_LE, DEFLATED_LE, EXPLICIT_BE);

    /** C-STORE status when the instance could not be processed at all (PS3.4 B.2.3). */
    static final int PROCESSING_FAILURE = 0x0110;
    static final int UNRECOGNIZED_OPERATION = 0x0211;
    static final int NO_SUCH_SOP_CLASS = 0x0122;

    private final Socket socket;
    private final DimseListener.Settings settings;
    private final StorageProvider provider;
    private final boolean withinLimit;
    private final byte[] buffer = new byte[65_536];
    private DataInputStream in;
    private OutputStream out;
    private String callingAe = "";
    private final Map<Integer, String[]> accepted = new HashMap<>(); // pc id -> {abstract syntax, transfer syntax}
    private StorageProvider.Peer peer;

    // the command being assembled and the data set being received
    private final ByteArrayOutputStream command = new ByteArrayOutputStream(512);
    private DimseCommands.Request pending;
    private int pendingContext;
    private Path spoolFile;
    private OutputStream spoolOut;
    private DimseStoreEvent storeEvent;
    private long storeStarted;

    DimseAssociation(Socket socket, DimseListener.Settings settings, StorageProvider provider, boolean withinLimit) {
        this.socket = socket;
        this.settings = settings;
        this.provider = provider;
        this.withinLimit = withinLimit;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(settings.idleTimeoutMillis());
            in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65_536));
            out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            if (negotiate()) {
                serve();
            }
        } catch (SocketTimeoutException e) {
            LOG.info(() -> "DICOM association from " + callingAe + " idle too long; aborting");
            abortQuietly(0, 0);
        } catch (EOFException e) {
            LOG.fine(() -> "DICOM association from " + callingAe + " closed by the peer");
        } catch (IOException | RuntimeException e) {
            if (!socket.isClosed()) {
                LOG.log(Level.WARNING, "DICOM association from " + callingAe + " failed: " + e.getClass().getSimpleName()
                        + ": " + e.getMessage());
                abortQuietly(2, 0);
            }
        } finally {
            discardSpool();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---- association establishment ------------------------------------------------------------------------

    private boolean negotiate() throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        long length = in.readInt() & 0xffffffffL;
        if (type != 0x01 || length < 68 || length > 1_048_576) {
            abortQuietly(2, 2); // provider, unexpected PDU
            return false;
        }
        byte[] rq = new byte[(int) length];
        in.readFully(rq);
        String called = ae(rq, 4);
        callingAe = ae(rq, 20);
        if (!called.equals(settings.aeTitle())) {
            LOG.info(() -> "DICOM association refused: called AE " + called + " is not ours");
            reject(1, 1, 7); // permanent, service user, called AE title not recognised
            return false;
        }
        if (!withinLimit) {
            LOG.info(() -> "DICOM association from " + callingAe + " refused: too many associations");
            reject(2, 3, 2); // transient, service provider (presentation), local limit exceeded
            return false;
        }
        peer = provider.admit(callingAe);
        if (peer == null) {
            LOG.info(() -> "DICOM association refused: calling AE " + callingAe + " is not registered");
            reject(1, 1, 3); // permanent, service user, calling AE title not recognised
            return false;
        }
        out.write(accept(rq, called));
        out.flush();
        return true;
    }

    private static String ae(byte[] pdu, int offset) {
        return new String(pdu, offset, 16, StandardCharsets.US_ASCII).trim();
    }

    private void reject(int result, int source, int reason) throws IOException {
        out.write(new byte[] {0x03, 0, 0, 0, 0, 4, 0, (byte) result, (byte) source, (byte) reason});
        out.flush();
    }

    /** Builds the A-ASSOCIATE-AC for a request, choosing one transfer syntax per acceptable context. */
    private byte[] accept(byte[] rq, String called) {
        ByteArrayOutputStream items = new ByteArrayOutputStream(512);
        item(items, 0x10, APPLICATION_CONTEXT.getBytes(StandardCharsets.US_ASCII));
        int offset = 68;
        while (offset + 4 <= rq.length) {
            int itemType = rq[offset] & 0xff;
            int itemLength = ((rq[offset + 2] & 0xff) << 8) | (rq[offset + 3] & 0xff);
            int body = offset + 4;
            if (itemType == 0x20) {
                items.writeBytes(presentationContext(rq, body, body + itemLength));
            }
            offset = body + itemLength;
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream(64);
        item(user, 0x51, new byte[] {(byte) (OUR_MAX_PDU >>> 24), (byte) (OUR_MAX_PDU >>> 16),
            (byte) (OUR_MAX_PDU >>> 8), (byte) OUR_MAX_PDU});
        item(user, 0x52, IMPLEMENTATION_CLASS_UID.getBytes(StandardCharsets.US_ASCII));
        item(user, 0x55, IMPLEMENTATION_VERSION.getBytes(StandardCharsets.US_ASCII));
        item(items, 0x50, user.toByteArray());

        ByteArrayOutputStream pdu = new ByteArrayOutputStream(items.size() + 80);
        byte[] fixed = new byte[68];
        fixed[0] = 0x00;
        fixed[1] = 0x01; // protocol version
        System.arraycopy(rq, 4, fixed, 4, 32); // called and calling AE titles as requested
        int length = fixed.length + items.size();
        pdu.write(0x02);
        pdu.write(0);
        pdu.writeBytes(int32(length));
        pdu.writeBytes(fixed);
        pdu.writeBytes(items.toByteArray());
        return pdu.toByteArray();
    }

    private byte[] presentationContext(byte[] rq, int from, int to) {
        int id = rq[from] & 0xff;
        String abstractSyntax = null;
        List<String> offered = new ArrayList<>();
        int offset = from + 4;
        while (offset + 4 <= to) {
            int type = rq[offset] & 0xff;
            int length = ((rq[offset + 2] & 0xff) << 8) | (rq[offset + 3] & 0xff);
            String uid = new String(rq, offset + 4, Math.min(length, to - offset - 4), StandardCharsets.US_ASCII)
                    .replace("\0", "").trim();
            if (type == 0x30) {
                abstractSyntax = uid;
            } else if (type == 0x40) {
                offered.add(uid);
            }
            offset += 4 + length;
        }
        int result;
        String chosen = offered.isEmpty() ? EXPLICIT_LE : offered.get(0);
        if (abstractSyntax == null
                || !(DimseCommands.isStorage(abstractSyntax) || DimseCommands.isVerification(abstractSyntax))) {
            result = 3; // abstract syntax not supported
        } else {
            String best = ACCEPTED_SYNTAXES.stream().filter(offered::contains).findFirst().orElse(null);
            if (best == null) {
                result = 4; // transfer syntaxes not supported
            } else {
                result = 0;
                chosen = best;
                accepted.put(id, new String[] {abstractSyntax, best});
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(64);
        body.write(id);
        body.write(0);
        body.write(result);
        body.write(0);
        item(body, 0x40, chosen.getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream item = new ByteArrayOutputStream(body.size() + 4);
        item(item, 0x21, body.toByteArray());
        return item.toByteArray();
    }

    private static void item(ByteArrayOutputStream out, int type, byte[] value) {
        out.write(type);
        out.write(0);
        out.write((value.length >> 8) & 0xff);
        out.write(value.length & 0xff);
        out.writeBytes(value);
    }

    private static byte[] int32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    // ---- data transfer ------------------------------------------------------------------------------------

    private void serve() throws IOException {
        while (true) {
            int type = in.readUnsignedByte();
            in.readUnsignedByte();
            long length = in.readInt() & 0xffffffffL;
            switch (type) {
                case 0x04 -> pData(length);
                case 0x05 -> { // A-RELEASE-RQ
                    in.skipNBytes(length);
                    out.write(new byte[] {0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                    out.flush();
                    return;
                }
                case 0x07 -> { // A-ABORT
                    LOG.info(() -> "DICOM association from " + callingAe + " aborted by the peer");
                    return;
                }
                default -> {
                    abortQuietly(2, 2);
                    return;
                }
            }
        }
    }

    private void pData(long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int pdvLength = in.readInt();
            int context = in.readUnsignedByte();
            int header = in.readUnsignedByte();
            int valueLength = pdvLength - 2;
            if (pdvLength < 2 || valueLength > remaining - 6) {
                throw new IOException("malformed PDV");
            }
            remaining -= 4L + pdvLength;
            boolean isCommand = (header & 0x01) != 0;
            boolean last = (header & 0x02) != 0;
            if (isCommand) {
                commandFragment(context, valueLength, last);
            } else {
                dataFragment(valueLength, last);
            }
        }
    }

    private void commandFragment(int context, int valueLength, boolean last) throws IOException {
        if (command.size() + valueLength > 65_536) {
            throw new IOException("command set too large");
        }
        in.readFully(buffer, 0, valueLength);
        command.write(buffer, 0, valueLength);
        if (!last) {
            return;
        }
        DimseCommands.Request request = DimseCommands.parse(command.toByteArray());
        command.reset();
        String[] syntaxes = accepted.get(context);
        switch (request.commandField()) {
            case DimseCommands.C_ECHO_RQ -> respond(context, DimseCommands.response(request, 0, null));
            case DimseCommands.C_STORE_RQ -> {
                if (syntaxes == null || !request.hasDataSet()) {
                    throw new IOException("C-STORE on an unaccepted presentation context or without a data set");
                }
                pending = request;
                pendingContext = context;
                openSpool(request, syntaxes[1]);
            }
            default -> {
                if (request.hasDataSet()) {
                    throw new IOException("unsupported DIMSE command with a data set: " + request.commandField());
                }
                respond(context, DimseCommands.response(request, UNRECOGNIZED_OPERATION, "Only C-ECHO and C-STORE"));
            }
        }
    }

    private void openSpool(DimseCommands.Request request, String transferSyntax) throws IOException {
        storeEvent = new DimseStoreEvent();
        storeEvent.begin();
        storeStarted = System.nanoTime();
        spoolFile = settings.spool().resolve("rx-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(System.nanoTime()) + ".part");
        spoolOut = Files.newOutputStream(spoolFile);
        DimseCommands.writeFileMeta(spoolOut, request, transferSyntax, callingAe);
    }

    private void dataFragment(int valueLength, boolean last) throws IOException {
        if (pending == null || spoolOut == null) {
            throw new IOException("data without a C-STORE request");
        }
        int left = valueLength;
        while (left > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            spoolOut.write(buffer, 0, n);
            left -= n;
        }
        if (last) {
            spoolOut.close();
            spoolOut = null;
            DimseCommands.Request request = pending;
            pending = null;
            StorageProvider.StoreAnswer answer;
            DimseStoreEvent event = storeEvent;
            storeEvent = null;
            long received = System.nanoTime();
            event.receive = received - storeStarted;
            try {
                answer = peer.store(spoolFile);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "C-STORE from " + callingAe + " failed in the intake: " + e.getClass().getName(), e);
                answer = new StorageProvider.StoreAnswer(PROCESSING_FAILURE, "Processing failure; please retry");
            } finally {
                discardSpool();
            }
            long stored = System.nanoTime();
            event.intake = stored - received;
            respond(pendingContext, DimseCommands.response(request, answer.status(), answer.errorComment()));
            event.respond = System.nanoTime() - stored;
            event.status = answer.status();
            event.commit();
        }
    }

    private void respond(int context, byte[] commandSet) throws IOException {
        int pdvLength = commandSet.length + 2;
        out.write(0x04);
        out.write(0);
        out.write(int32(pdvLength + 4));
        out.write(int32(pdvLength));
        out.write(context);
        out.write(0x03); // command, last fragment
        out.write(commandSet);
        out.flush();
    }

    private void discardSpool() {
        if (spoolOut != null) {
            try {
                spoolOut.close();
            } catch (IOException ignored) {
                // deleting it anyway
            }
            spoolOut = null;
        }
        if (spoolFile != null) {
            try {
                Files.deleteIfExists(spoolFile);
            } catch (IOException e) {
                LOG.warning("DICOM spool file could not be deleted: " + spoolFile.getFileName());
            }
            spoolFile = null;
        }
    }

    private void abortQuietly(int source, int reason) {
        try {
            out.write(new byte[] {0x07, 0, 0, 0, 0, 4, 0, 0, (byte) source, (byte) reason});
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // the peer is gone
        }
    }
}
