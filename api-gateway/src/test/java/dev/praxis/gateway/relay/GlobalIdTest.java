package dev.praxis.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalIdTest {

    @ParameterizedTest
    @EnumSource(NodeType.class)
    void decodesWhatItEncodes(NodeType type) {
        for (String rawId : new String[] {"42", "3f1c7a9e-0b8e-4d5c-9a3e-1d2f3a4b5c6d", "alice@example.org", "ünïcødé:with:colons"}) {
            String encoded = GlobalId.encode(type, rawId);

            assertThat(GlobalId.decode(encoded)).isEqualTo(GlobalId.of(type, rawId));
            assertThat(GlobalId.rawId(encoded, type)).isEqualTo(rawId);
        }
    }

    @Test
    void isUrlSafeBase64OfTypeAndRawIdWithoutPadding() {
        String encoded = GlobalId.encode(NodeType.QUESTION, "q1?");

        assertThat(encoded).doesNotContain("=", "+", "/");
        assertThat(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)).isEqualTo("Question:q1?");
    }

    @Test
    void acceptsPaddedEncodings() {
        String padded = Base64.getUrlEncoder().encodeToString("Member:bob".getBytes(StandardCharsets.UTF_8));

        assertThat(padded).endsWith("=");
        assertThat(GlobalId.decode(padded)).isEqualTo(GlobalId.of(NodeType.MEMBER, "bob"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "not base64!", "%%%", "Q", "UXVlc3Rpb246MQ==="})
    void refusesWhatIsNotBase64url(String garbage) {
        assertThatThrownBy(() -> GlobalId.decode(garbage))
                .isInstanceOf(InvalidGlobalIdException.class)
                .satisfies(e -> assertThat(((InvalidGlobalIdException) e).code()).isEqualTo("INVALID_ID"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "Question", "Question:", ":42", "Unknown:42", "question:42", "Node:42"})
    void refusesBase64urlOfAnythingButTypeColonRawId(String plain) {
        assertThatThrownBy(() -> GlobalId.decode(base64url(plain))).isInstanceOf(InvalidGlobalIdException.class);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        String notText = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[] {'Q', 'u', 'e', 's', 't', 'i', 'o', 'n', ':', (byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> GlobalId.decode(notText)).isInstanceOf(InvalidGlobalIdException.class);
    }

    @Test
    void refusesOverlongIds() {
        assertThatThrownBy(() -> GlobalId.decode(GlobalId.encode(NodeType.MEMBER, "x".repeat(300))))
                .isInstanceOf(InvalidGlobalIdException.class);
    }

    @Test
    void refusesAnIdOfAnotherTypeThanExpected() {
        String question = GlobalId.encode(NodeType.QUESTION, "q1");

        assertThatThrownBy(() -> GlobalId.rawId(question, NodeType.COMMUNITY))
                .isInstanceOf(InvalidGlobalIdException.class)
                .hasMessageContaining("Community");
        assertThat(GlobalId.decode(question, NodeType.QUESTION, NodeType.ANSWER).rawId()).isEqualTo("q1");
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
