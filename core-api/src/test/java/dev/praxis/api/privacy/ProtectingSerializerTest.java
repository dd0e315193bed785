package dev.praxis.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.member.ProfileUpdated;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.shared.MessageJson;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class ProtectingSerializerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Keys keys = new Keys();
    private final ProtectingSerializer serializer = new ProtectingSerializer(
            JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build(), keys);

    @Test
    void personalTextsAreStoredEncryptedAndReadBack() {
        ProfileUpdated event = new ProfileUpdated("zed", "Zed Zander", "My secret bio", List.of("java"), "zed", T0);
        SerializedObject<String> stored = serializer.serialize(event, String.class);

        assertThat(stored.getData()).doesNotContain("Zed Zander").doesNotContain("My secret bio")
                .contains("\"personalDataOf\":\"zed\"").contains("\"skills\":[\"java\"]");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void everyTextHasItsOwnNonce() {
        ProfileUpdated event = new ProfileUpdated("zed", "Same", "Same", List.of(), "zed", T0);
        assertThat(serializer.serialize(event, String.class).getData())
                .isNotEqualTo(serializer.serialize(event, String.class).getData());
    }

    @Test
    void afterTheKeyIsDeletedTheTextsReadAsErasedAndOthersStayReadable() {
        SerializedObject<String> zeds = serializer.serialize(
                new MemberJoinedCommunity("c1", "zed", "Zed Zander", CommunityRole.MEMBER, "zed", T0), String.class);
        SerializedObject<String> amys = serializer.serialize(
                new MemberJoinedCommunity("c1", "amy", "Amy Adams", CommunityRole.MEMBER, "amy", T0), String.class);

        keys.erase("zed");

        assertThat(((MemberJoinedCommunity) serializer.deserialize(zeds)).displayName()).isEqualTo(PersonalData.ERASED);
        assertThat(((MemberJoinedCommunity) serializer.deserialize(amys)).displayName()).isEqualTo("Amy Adams");
        // and nothing personal is written for them any more
        assertThat(serializer.serialize(new ProfileUpdated("zed", "Zed Again", null, List.of(), "zed", T0), String.class)
                .getData()).doesNotContain("Zed Again").contains(PersonalData.ERASED);
    }

    @Test
    void aCiphertextMovedToAnotherMemberOrAlteredDoesNotOpen() throws Exception {
        SerializedObject<String> stored = serializer.serialize(
                new MemberJoinedCommunity("c1", "zed", "Zed Zander", CommunityRole.MEMBER, "zed", T0), String.class);
        keys.keyForWriting("amy");
        String moved = stored.getData().replace("\"personalDataOf\":\"zed\"", "\"personalDataOf\":\"amy\"");
        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(moved, String.class, stored.getType())))
                .isInstanceOf(PersonalDataCipher.TamperedPersonalDataException.class);
    }

    @Test
    void messagesWithoutPersonalDataPassThroughUnchanged() {
        QuestionAsked event = new QuestionAsked("q1", "c1", "A title", "A body", List.of("java"), "zed", T0);
        String plain = JacksonSerializer.builder().objectMapper(MessageJson.storageMapper()).build()
                .serialize(event, String.class).getData();
        assertThat(serializer.serialize(event, String.class).getData()).isEqualTo(plain);
        assertThat(keys.created).isEmpty();
    }

    @Test
    void historyAndExportsRevealAnyStoredPayloadWithoutItsClass() throws Exception {
        String stored = serializer.serialize(new ProfileUpdated("zed", "Zed Zander", null, List.of(), "zed", T0), String.class).getData();
        ObjectNode tree = (ObjectNode) MessageJson.storageMapper().readTree(stored);
        assertThat(serializer.cipher().reveal(tree)).isTrue();
        assertThat(tree.get("displayName").asText()).isEqualTo("Zed Zander");
        assertThat(tree.get("bio").isNull()).isTrue();
    }

    /** Keys in memory, as the event store's table keeps them. */
    static final class Keys implements MemberKeys {
        final Map<String, byte[]> keys = new HashMap<>();
        final Set<String> erased = new HashSet<>();
        final Set<String> created = new HashSet<>();

        @Override
        public Optional<byte[]> keyForWriting(String memberId) {
            if (erased.contains(memberId)) {
                return Optional.empty();
            }
            created.add(memberId);
            return Optional.of(keys.computeIfAbsent(memberId, id -> PersonalDataCipher.newKey(new SecureRandom())));
        }

        @Override
        public Optional<byte[]> keyForReading(String memberId) {
            return Optional.ofNullable(keys.get(memberId));
        }

        void erase(String memberId) {
            keys.remove(memberId);
            erased.add(memberId);
        }
    }
}
