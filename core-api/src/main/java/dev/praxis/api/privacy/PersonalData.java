package dev.praxis.api.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text component of an event as personal data of one member (a name, a bio, a message, a
 * moderator's reason about them). The event store keeps it encrypted with that member's own key
 * ({@link PersonalDataCipher}); erasing the member deletes the key, and from then on the text reads
 * as {@link #ERASED} everywhere (aggregates, read models, history, exports) while the event itself,
 * its counts, scores and hash chain stay as they were (crypto-shredding).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /** What personal data of an erased member reads as. */
    String ERASED = "[erased]";

    /** The record component holding the id of the member whom this data is about. */
    String subject() default "memberId";
}
