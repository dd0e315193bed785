package dev.praxis.command.question;

import java.util.Optional;

/** The command side's lookup of questions outside their aggregate: which community a question belongs to. */
public interface QuestionDirectory {

    /** The community of the question, empty when there is no such question. */
    Optional<String> communityOf(String questionId);
}
