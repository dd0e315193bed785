package dev.praxis.command.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's arithmetic, computed here independently of the PostgreSQL trigger that writes it
 * (V90__event_chain.sql): both must produce the same bytes, which is what verification relies on.
 * <ul>
 *   <li>an event: SHA-256(previous hash of its stream, or nothing || canonical text of its columns);</li>
 *   <li>a checkpoint: SHA-256(previous checkpoint's hash, or nothing || its header || the chain hash
 *       of every event of its range, in global order).</li>
 * </ul>
 */
public final class ChainHash {

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {
    }

    /** The link of one event, given the hash of the previous event of its stream (null for its first). */
    public static byte[] link(byte[] previous, StoredEvent e) {
        StringBuilder text = new StringBuilder(256 + (e.payload() == null ? 0 : e.payload().length()));
        text.append("praxis-chain-v1\n");
        field(text, Long.toString(e.position()));
        field(text, e.eventId());
        field(text, e.aggregateId());
        field(text, Long.toString(e.sequence()));
        field(text, e.aggregateType());
        field(text, e.timeStamp());
        field(text, e.payloadType());
        field(text, e.payloadRevision());
        field(text, e.payload());
        field(text, e.metadata());
        MessageDigest sha = sha256();
        if (previous != null) {
            sha.update(previous);
        }
        return sha.digest(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A running checkpoint hash: feed it the range's event hashes in global order, then {@link Checkpoint#digest}. */
    public static Checkpoint checkpoint(byte[] previous, long number, long from, long to, long eventCount) {
        MessageDigest sha = sha256();
        if (previous != null) {
            sha.update(previous);
        }
        sha.update(("praxis-checkpoint-v1\n" + number + "\n" + from + "\n" + to + "\n" + eventCount + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return new Checkpoint(sha);
    }

    /** A checkpoint hash being computed. */
    public static final class Checkpoint {
        private final MessageDigest sha;

        private Checkpoint(MessageDigest sha) {
            this.sha = sha;
        }

        public void add(byte[] eventHash) {
            sha.update(eventHash);
        }

        public byte[] digest() {
            return sha.digest();
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HEX.formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append('-');
        } else {
            text.append(utf8Length(value)).append(':').append(value);
        }
        text.append('\n');
    }

    /** The length of the text in UTF-8 bytes, without encoding it twice. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // an unpaired surrogate encodes as '?', as String.getBytes does
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
