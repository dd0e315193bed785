package dev.praxis.api.question;

/** Why a question was closed, as Stack Overflow names the reasons. */
public enum CloseReason {
    DUPLICATE, OFF_TOPIC, NEEDS_DETAILS, NEEDS_FOCUS, OPINION_BASED
}
