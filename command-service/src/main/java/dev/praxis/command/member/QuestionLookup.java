package dev.praxis.command.member;

/** Which questions exist, for aggregates outside the question's own (following a question). */
public interface QuestionLookup {

    boolean questionExists(String questionId);
}
