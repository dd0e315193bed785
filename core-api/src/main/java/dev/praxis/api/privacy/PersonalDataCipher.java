package dev.praxis.api.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the personal texts of a stored message with their member's key (AES-256-GCM, a fresh
 * 96-bit nonce per text, the field name and member id bound in as associated data so that a
 * ciphertext cannot be moved to another field or member), and reveals them again, or as
 * {@link PersonalData#ERASED} once the key is gone.
 *
 * <p>In the stored JSON a protected text is an envelope object in place of the string:
 * {@code {"personalDataOf": "<member id>", "v": 1, "ciphertext": "<base64 nonce + ciphertext>"}}:
 * readable by plain SQL as what it is, whose it is, and nothing more.
 */
public final class PersonalDataCipher {

    public static final String SUBJECT = "personalDataOf";
    public static final String VERSION = "v";
    public static final String CIPHERTEXT = "ciphertext";

    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    public static final int KEY_BYTES = 32;

    private final MemberKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(MemberKeys keys) {
        this.keys = keys;
    }

    /** A new random member key. */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /**
     * Replaces each personal text of a message's JSON by its envelope. A text of an erased member is
     * stored as {@link PersonalData#ERASED}: nothing personal is written once the key is gone.
     */
    public void protect(PersonalFields fields, ObjectNode message) {
        for (PersonalFields.Field field : fields.fields()) {
            JsonNode value = message.get(field.name());
            JsonNode subject = message.get(field.subject());
            if (value == null || !value.isTextual() || subject == null || !subject.isTextual()) {
                continue;
            }
            Optional<byte[]> key = keys.keyForWriting(subject.asText());
            if (key.isEmpty()) {
                message.put(field.name(), PersonalData.ERASED);
                continue;
            }
            ObjectNode envelope = message.objectNode();
            envelope.put(SUBJECT, subject.asText());
            envelope.put(VERSION, 1);
            envelope.put(CIPHERTEXT, encrypt(key.get(), value.asText(), associatedData(field.name(), subject.asText())));
            message.set(field.name(), envelope);
        }
    }

    /**
     * Replaces every envelope among a message's fields by its text, or by {@link PersonalData#ERASED}
     * when its member's key is gone. Works on any stored message, without knowing its class (history
     * and exports read payloads as JSON).
     *
     * @return whether the message held an envelope
     */
    public boolean reveal(ObjectNode message) {
        boolean found = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (isEnvelope(entry.getValue())) {
                entry.setValue(TextNode.valueOf(open(entry.getKey(), entry.getValue())));
                found = true;
            }
        }
        return found;
    }

    public static boolean isEnvelope(JsonNode node) {
        return node != null && node.isObject() && node.has(SUBJECT) && node.has(CIPHERTEXT);
    }

    private String open(String fieldName, JsonNode envelope) {
        String subject = envelope.get(SUBJECT).asText();
        Optional<byte[]> key = keys.keyForReading(subject);
        if (key.isEmpty()) {
            return PersonalData.ERASED;
        }
        return decrypt(key.get(), envelope.get(CIPHERTEXT).asText(), associatedData(fieldName, subject));
    }

    private String encrypt(byte[] key, String text, byte[] associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The text of a ciphertext. A ciphertext that does not open with the member's key was altered
     * after it was written: that is an integrity failure, not an erasure, and it is raised as such
     * (the hash chain names the event).
     */
    private static String decrypt(byte[] key, String ciphertext, byte[] associatedData) {
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TamperedPersonalDataException("Personal data does not open with its member's key: it was altered", e);
        }
    }

    private static byte[] associatedData(String fieldName, String subject) {
        return (fieldName + '\u0000' + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** A ciphertext that fails its authentication tag. */
    public static final class TamperedPersonalDataException extends IllegalStateException {
        TamperedPersonalDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
