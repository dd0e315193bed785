package dev.praxis.gateway.relay;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * A globally unique object id in the style of GitHub's API: base64url of {@code "Type:rawId"},
 * without padding. Clients treat it as opaque; the gateway decodes it to find the object's type and
 * the id the backend services know it by.
 */
public record GlobalId(NodeType type, String rawId) {

    /** Longer ids are refused before decoding; the services' own ids have at most 64 characters. */
    private static final int MAX_ENCODED_LENGTH = 200;

    public GlobalId {
        if (type == null || rawId == null || rawId.isEmpty()) {
            throw new IllegalArgumentException("A global id needs a type and a raw id");
        }
    }

    public static GlobalId of(NodeType type, String rawId) {
        return new GlobalId(type, rawId);
    }

    /** The global id of the object of {@code type} whose backend id is {@code rawId}. */
    public static String encode(NodeType type, String rawId) {
        return new GlobalId(type, rawId).encoded();
    }

    public String encoded() {
        String plain = type.graphQlName() + ":" + rawId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes any well-formed global id; throws {@link InvalidGlobalIdException} for anything else. */
    public static GlobalId decode(String encoded) {
        if (encoded == null || encoded.isBlank() || encoded.length() > MAX_ENCODED_LENGTH) {
            throw new InvalidGlobalIdException(encoded);
        }
        String plain = utf8(base64url(encoded, encoded), encoded);
        int colon = plain.indexOf(':');
        if (colon <= 0 || colon == plain.length() - 1) {
            throw new InvalidGlobalIdException(encoded);
        }
        NodeType type = NodeType.byGraphQlName(plain.substring(0, colon))
                .orElseThrow(() -> new InvalidGlobalIdException(encoded));
        return new GlobalId(type, plain.substring(colon + 1));
    }

    /** Decodes a global id that must name an object of one of the {@code expected} types. */
    public static GlobalId decode(String encoded, NodeType... expected) {
        GlobalId id = decode(encoded);
        if (!Set.of(expected).contains(id.type())) {
            throw new InvalidGlobalIdException(encoded, Arrays.stream(expected).map(NodeType::graphQlName).toList());
        }
        return id;
    }

    /** The backend id inside a global id that must name an object of type {@code expected}. */
    public static String rawId(String encoded, NodeType expected) {
        return decode(encoded, expected).rawId();
    }

    private static byte[] base64url(String encoded, String original) {
        try {
            return Base64.getUrlDecoder().decode(encoded);
        }
        catch (IllegalArgumentException notBase64) {
            throw new InvalidGlobalIdException(original);
        }
    }

    private static String utf8(byte[] bytes, String original) {
        try {
            // A strict decoder: malformed bytes must be refused, not replaced by U+FFFD.
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException notText) {
            throw new InvalidGlobalIdException(original);
        }
    }
}
