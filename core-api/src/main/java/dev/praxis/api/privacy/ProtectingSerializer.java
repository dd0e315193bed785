package dev.praxis.api.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.praxis.api.shared.MessageJson;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer with crypto-shredding: a message whose class has {@link PersonalData}
 * components is stored with those texts encrypted by their member's key, and read back with them
 * decrypted, or as {@link PersonalData#ERASED} once the member was erased. Every other message
 * passes through to the delegate untouched, so the cost falls only on the few events that carry a
 * name, a bio or a reason about someone.
 */
public final class ProtectingSerializer implements Serializer {

    private final Serializer delegate;
    private final PersonalDataCipher cipher;
    private final boolean encrypts;
    private final ObjectMapper json = MessageJson.storageMapper();
    /**
     * The class of each stored type, by name and revision. The delegate looks it up by name every
     * time (Jackson's class lookup, through the class loader), and a message asks for it several
     * times while it is read: 2% of the query service's samples in a profile of a rebuild, where
     * sixteen projections read every event.
     */
    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    /** The command side's: encrypts what it writes and decrypts what it reads. */
    public ProtectingSerializer(Serializer delegate, MemberKeys keys) {
        this(delegate, keys, true);
    }

    private ProtectingSerializer(Serializer delegate, MemberKeys keys, boolean encrypts) {
        this.delegate = delegate;
        this.cipher = new PersonalDataCipher(keys);
        this.encrypts = encrypts;
    }

    /**
     * A reader's (the query side's, which appends no events): it decrypts what it reads and writes
     * through the delegate unchanged (test fixtures append events as plain JSON, which it reads as is).
     */
    public static ProtectingSerializer readingOnly(Serializer delegate, MemberKeys keys) {
        return new ProtectingSerializer(delegate, keys, false);
    }

    public PersonalDataCipher cipher() {
        return cipher;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        PersonalFields fields = object == null || !encrypts ? null : PersonalFields.of(object.getClass());
        if (fields == null || fields.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = json.valueToTree(object);
        cipher.protect(fields, tree);
        SerializedObject<String> text = new SimpleSerializedObject<>(write(tree), String.class,
                delegate.typeForClass(object.getClass()));
        return delegate.getConverter().convert(text, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (PersonalFields.of(type).isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        String text = delegate.getConverter().convert(serializedObject, String.class).getData();
        JsonNode tree = read(text);
        if (tree instanceof ObjectNode message && cipher.reveal(message)) {
            return delegate.deserialize(new SimpleSerializedObject<>(write(message), String.class, serializedObject.getType()));
        }
        return delegate.deserialize(serializedObject);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        // keyed by a type with value equality: the types the store hands over may not have one
        return classes.computeIfAbsent(new SimpleSerializedType(type.getName(), type.getRevision()),
                key -> delegate.classForType(type));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private String write(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write a protected message", e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot read a stored message", e);
        }
    }
}
