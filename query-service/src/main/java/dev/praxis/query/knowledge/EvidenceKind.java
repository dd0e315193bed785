package dev.praxis.query.knowledge;

/**
 * What a piece of evidence recognises and what it weighs. The weights follow how Stack Overflow
 * reads a tag score (answer votes) and add what Praxis knows besides: an accepted answer counts as
 * four upvotes (the asker says it solved the problem), an expert's endorsement of an answer as
 * three (only members with a tag score may endorse, so it is a peer's judgement), a skill
 * endorsement as two (a colleague vouches, without a post to show). Participation in a thread
 * (ASKED, ANSWERED, COMMENTED) links members to threads, one per post, and is not expertise.
 */
public enum EvidenceKind {
    ANSWER_UPVOTE(1),
    ANSWER_DOWNVOTE(-1),
    ACCEPTED_ANSWER(4),
    ANSWER_ENDORSEMENT(3),
    SKILL_ENDORSEMENT(2),
    ASKED(1),
    ANSWERED(1),
    COMMENTED(1);

    private final double weight;

    EvidenceKind(double weight) {
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }
}
