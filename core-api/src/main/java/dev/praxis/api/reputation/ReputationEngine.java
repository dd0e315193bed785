package dev.praxis.api.reputation;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.bounty.BountyAwarded;
import dev.praxis.api.bounty.BountyExpired;
import dev.praxis.api.bounty.BountyOffered;
import dev.praxis.api.question.AnonymousVoteRecorded;
import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerAcceptanceWithdrawn;
import dev.praxis.api.question.AnswerEdited;
import dev.praxis.api.question.PostDeleted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.PostUndeleted;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.QuestionEdited;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteChanged;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.question.VoteRetracted;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The one place where reputation is decided, for both sides: given an event and a community's
 * {@link ReputationLedger}, it answers the changes of reputation the event causes and updates the
 * ledger. Pure Java, no I/O of its own, so that the command side (which gates privileges) and the
 * query side (which shows reputation) cannot disagree.
 *
 * <p>The rules (values per community, see {@link ReputationRules}):
 * <ul>
 * <li>an upvote earns the post's author QUESTION_UPVOTE / ANSWER_UPVOTE, a downvote costs them
 *     DOWNVOTE_RECEIVED and costs a member who downvotes an answer ANSWER_DOWNVOTE_CAST;</li>
 * <li>an anonymous historical vote ({@link AnonymousVoteRecorded}, imported) does the same for the
 *     post's author and nothing for anyone else: it names no voter; it is never retracted;</li>
 * <li>what votes earn a member counts against DAILY_VOTE_CAP for the UTC day of the vote's
 *     {@code occurredAt}; losses are not capped;</li>
 * <li>an accepted answer earns its author ANSWER_ACCEPTED and the asker ACCEPTOR (nothing when the
 *     asker accepts their own answer); bounties move their amount from the offerer (on offering) to
 *     the winner (on award or expiry); neither counts against the daily cap;</li>
 * <li>an edit of someone else's post earns the editor EDIT, up to EDIT_CAP from edits in all;</li>
 * <li>no change takes a total below {@link ReputationRules#FLOOR}: a loss is cut to what the floor
 *     leaves;</li>
 * <li>every cause remembers what it really granted (after cap and floor), and retracting it
 *     (VoteRetracted, VoteChanged, AnswerAcceptanceWithdrawn) takes back exactly that; deleting a
 *     post suspends the causes on it (a question: on its whole thread) and undeleting gives back
 *     exactly what the deletion took. Bounties survive deletion, as on Stack Overflow. Taking back
 *     still respects the floor: what the floor keeps, the member keeps.</li>
 * </ul>
 */
public final class ReputationEngine {

    /** The events that change reputation or what it depends on, in the order of the event store. */
    public static final Set<Class<? extends PraxisEvent>> INPUTS = Set.of(
            QuestionAsked.class, QuestionEdited.class, AnswerEdited.class, ArticlePublished.class, ArticleEdited.class,
            ArticleDeleted.class, VoteCast.class, VoteChanged.class, VoteRetracted.class, AnswerAccepted.class,
            AnswerAcceptanceWithdrawn.class, BountyOffered.class, BountyAwarded.class, BountyExpired.class,
            PostDeleted.class, PostUndeleted.class, AnonymousVoteRecorded.class);

    /** An event of the history with its id, as a replay reads it. */
    public record RecordedEvent(String eventId, Object event) {
    }

    /** What a community's history earns under some rules: the resulting ledger and every change, in order. */
    public record Replay(InMemoryReputationLedger ledger, List<ReputationChange> changes) {
    }

    /** Applies the event to the ledger and answers the changes of reputation it caused, in order. */
    public List<ReputationChange> apply(String eventId, Object event, ReputationLedger ledger) {
        Step step = new Step(eventId, (PraxisEvent) event, ledger);
        step.run();
        return step.changes;
    }

    /** Replays a community's history (its {@link #INPUTS}, in order) under the given rules, in memory. */
    public Replay replay(String communityId, ReputationRules rules, List<RecordedEvent> history) {
        InMemoryReputationLedger ledger = new InMemoryReputationLedger().withRules(communityId, rules);
        List<ReputationChange> changes = new ArrayList<>();
        for (RecordedEvent recorded : history) {
            changes.addAll(apply(recorded.eventId(), recorded.event(), ledger));
        }
        return new Replay(ledger, changes);
    }

    public static boolean isInput(Object event) {
        return event != null && INPUTS.contains(event.getClass());
    }

    /** The key of a member's vote on a post: one live vote per voter and post. */
    public static String voteKey(String postId, String voterId) {
        return "vote:" + postId + ":" + voterId;
    }

    /** The work of one event: its context and the changes it makes. */
    private static final class Step {
        private final String eventId;
        private final PraxisEvent event;
        private final ReputationLedger ledger;
        private final List<ReputationChange> changes = new ArrayList<>();
        private String communityId;
        private ReputationRules rules;

        Step(String eventId, PraxisEvent event, ReputationLedger ledger) {
            this.eventId = eventId;
            this.event = event;
            this.ledger = ledger;
        }

        void run() {
            if (event instanceof VoteCast e) {
                in(e.communityId());
                vote(e.questionId(), e.postId(), e.postKind(), e.postAuthorId(), e.direction());
            } else if (event instanceof AnonymousVoteRecorded e) {
                in(e.communityId());
                anonymousVote(e);
            } else if (event instanceof VoteChanged e) {
                in(e.communityId());
                retract(voteKey(e.postId(), e.actorId()), e.questionId());
                vote(e.questionId(), e.postId(), e.postKind(), e.postAuthorId(), e.direction());
            } else if (event instanceof VoteRetracted e) {
                in(e.communityId());
                retract(voteKey(e.postId(), e.actorId()), e.questionId());
            } else if (event instanceof AnswerAccepted e) {
                in(e.communityId());
                accept(e);
            } else if (event instanceof AnswerAcceptanceWithdrawn e) {
                in(e.communityId());
                retract("accept:" + e.answerId(), e.questionId());
            } else if (event instanceof BountyOffered e) {
                in(e.communityId());
                cause("bounty-offer:" + e.questionId() + ":" + e.round(), e.questionId(), e.questionId(),
                        List.of(grant(e.actorId(), ReputationReason.BOUNTY_OFFERED, -e.amount(), false, false, e.questionId())));
            } else if (event instanceof BountyAwarded e) {
                in(e.communityId());
                bountyWon(e.questionId(), e.round(), e.answerId(), e.answerAuthorId(), e.amount());
            } else if (event instanceof BountyExpired e) {
                in(e.communityId());
                if (e.winnerId() != null && e.awardedAmount() > 0) {
                    bountyWon(e.questionId(), e.round(), e.winningAnswerId(), e.winnerId(), e.awardedAmount());
                }
            } else if (event instanceof QuestionAsked e) {
                ledger.setTags(e.communityId(), e.questionId(), e.tags() == null ? List.of() : e.tags());
            } else if (event instanceof ArticlePublished e) {
                ledger.setTags(e.communityId(), e.articleId(), e.tags() == null ? List.of() : e.tags());
            } else if (event instanceof QuestionEdited e) {
                in(e.communityId());
                if (e.tags() != null) {
                    ledger.setTags(e.communityId(), e.questionId(), e.tags());
                }
                edit(e.questionId(), e.questionId(), e.questionAuthorId());
            } else if (event instanceof AnswerEdited e) {
                in(e.communityId());
                edit(e.questionId(), e.answerId(), e.answerAuthorId());
            } else if (event instanceof ArticleEdited e) {
                in(e.communityId());
                if (e.tags() != null) {
                    ledger.setTags(e.communityId(), e.articleId(), e.tags());
                }
                edit(e.articleId(), e.articleId(), e.articleAuthorId());
            } else if (event instanceof PostDeleted e) {
                in(e.communityId());
                if (e.postKind() != PostKind.COMMENT) {
                    suspend(e.questionId(), e.postKind() == PostKind.QUESTION ? null : e.postId(), e.postId());
                }
            } else if (event instanceof ArticleDeleted e) {
                in(e.communityId());
                suspend(e.articleId(), null, e.articleId());
            } else if (event instanceof PostUndeleted e) {
                in(e.communityId());
                restore(e.questionId(), e.postId());
            }
        }

        private void in(String community) {
            this.communityId = community;
            this.rules = ledger.rules(community);
        }

        private void vote(String questionId, String postId, PostKind kind, String authorId, VoteDirection direction) {
            String key = voteKey(postId, event.actorId());
            retract(key, questionId);
            List<ReputationGrant> grants = new ArrayList<>();
            if (direction == VoteDirection.UP) {
                boolean question = kind == PostKind.QUESTION;
                grants.add(grant(authorId, question ? ReputationReason.QUESTION_UPVOTED : ReputationReason.ANSWER_UPVOTED,
                        rules.get(question ? ReputationRule.QUESTION_UPVOTE : ReputationRule.ANSWER_UPVOTE), true, false,
                        questionId));
            } else {
                grants.add(grant(authorId, ReputationReason.POST_DOWNVOTED, rules.get(ReputationRule.DOWNVOTE_RECEIVED),
                        true, false, questionId));
                if (kind == PostKind.ANSWER) {
                    grants.add(grant(event.actorId(), ReputationReason.ANSWER_DOWNVOTE_CAST,
                            rules.get(ReputationRule.ANSWER_DOWNVOTE_CAST), false, false, questionId));
                }
            }
            cause(key, questionId, postId, grants);
        }

        /** An imported vote without a voter: the author's part of a vote, one cause per vote. */
        private void anonymousVote(AnonymousVoteRecorded e) {
            boolean question = e.postKind() == PostKind.QUESTION;
            ReputationGrant grant = e.direction() == VoteDirection.UP
                    ? grant(e.postAuthorId(), question ? ReputationReason.QUESTION_UPVOTED : ReputationReason.ANSWER_UPVOTED,
                            rules.get(question ? ReputationRule.QUESTION_UPVOTE : ReputationRule.ANSWER_UPVOTE), true, false,
                            e.questionId())
                    : grant(e.postAuthorId(), ReputationReason.POST_DOWNVOTED, rules.get(ReputationRule.DOWNVOTE_RECEIVED),
                            true, false, e.questionId());
            cause("anonymous-vote:" + eventId, e.questionId(), e.postId(), List.of(grant));
        }

        private void accept(AnswerAccepted e) {
            String key = "accept:" + e.answerId();
            retract(key, e.questionId());
            if (e.answerAuthorId().equals(e.actorId())) {
                return; // accepting one's own answer earns nothing
            }
            cause(key, e.questionId(), e.answerId(), List.of(
                    grant(e.answerAuthorId(), ReputationReason.ANSWER_ACCEPTED, rules.get(ReputationRule.ANSWER_ACCEPTED),
                            false, false, e.questionId()),
                    grant(e.actorId(), ReputationReason.ACCEPTED_AN_ANSWER, rules.get(ReputationRule.ACCEPTOR),
                            false, false, e.questionId())));
        }

        private void bountyWon(String questionId, int round, String answerId, String winnerId, int amount) {
            cause("bounty-award:" + questionId + ":" + round, questionId, answerId,
                    List.of(grant(winnerId, ReputationReason.BOUNTY_WON, amount, false, false, questionId)));
        }

        private void edit(String threadId, String postId, String authorId) {
            if (authorId == null || authorId.equals(event.actorId())) {
                return; // editing one's own post earns nothing
            }
            cause("edit:" + eventId, threadId, postId, List.of(
                    grant(event.actorId(), ReputationReason.POST_EDITED, rules.get(ReputationRule.EDIT), false, true,
                            threadId)));
        }

        private void cause(String key, String questionId, String postId, List<ReputationGrant> grants) {
            ledger.putCause(new ReputationCause(key, communityId, questionId, postId, eventId,
                    ledger.tagsOf(communityId, questionId), grants, null));
        }

        /** Grants what the rules ask, cut by the daily vote cap, the edit cap and the floor. */
        private ReputationGrant grant(String memberId, ReputationReason reason, int requested, boolean vote, boolean edit,
                                      String questionId) {
            int amount = requested;
            int votePoints = 0;
            int editPoints = 0;
            if (vote && amount > 0) {
                LocalDate day = dayOf(event.occurredAt());
                int used = ledger.votePoints(communityId, memberId, day);
                amount = Math.max(0, Math.min(amount, rules.get(ReputationRule.DAILY_VOTE_CAP) - used));
                votePoints = amount;
                if (votePoints > 0) {
                    ledger.setVotePoints(communityId, memberId, day, used + votePoints);
                }
            }
            if (edit && amount > 0) {
                int used = ledger.editPoints(communityId, memberId);
                amount = Math.max(0, Math.min(amount, rules.get(ReputationRule.EDIT_CAP) - used));
                editPoints = amount;
                if (editPoints > 0) {
                    ledger.setEditPoints(communityId, memberId, used + editPoints);
                }
            }
            int total = ledger.total(communityId, memberId);
            amount = floored(total, amount);
            record(memberId, reason, false, requested, amount, total, questionId, currentPostTags(questionId),
                    event.occurredAt());
            return new ReputationGrant(memberId, reason, amount, votePoints, editPoints, event.occurredAt());
        }

        private List<String> currentPostTags(String questionId) {
            return ledger.tagsOf(communityId, questionId);
        }

        /** Takes back what a cause granted and forgets it (a retracted vote, a withdrawn acceptance). */
        private void retract(String key, String threadId) {
            ledger.causeInThread(communityId, threadId, key).ifPresent(cause -> {
                if (cause.active()) {
                    takeBack(cause);
                }
                ledger.removeCause(communityId, key);
            });
        }

        /** Takes back what the live causes on the deleted post (or thread) granted, until it is undeleted. */
        private void suspend(String threadId, String postIdOrWholeThread, String deletedPostId) {
            for (ReputationCause cause : sorted(ledger.causesOfThread(communityId, threadId))) {
                boolean onPost = postIdOrWholeThread == null || postIdOrWholeThread.equals(cause.postId());
                if (onPost && cause.active() && !cause.survivesDeletion()) {
                    ledger.putCause(cause.suspended(deletedPostId, takeBack(cause)));
                }
            }
        }

        private void restore(String threadId, String undeletedPostId) {
            for (ReputationCause cause : sorted(ledger.causesOfThread(communityId, threadId))) {
                if (undeletedPostId.equals(cause.suspendedBy())) {
                    List<ReputationGrant> givenBack = new ArrayList<>();
                    for (ReputationGrant grant : cause.grants()) {
                        if (grant.votePoints() > 0) {
                            LocalDate day = dayOf(grant.grantedAt());
                            ledger.setVotePoints(communityId, grant.memberId(), day,
                                    ledger.votePoints(communityId, grant.memberId(), day) + grant.votePoints());
                        }
                        if (grant.editPoints() > 0) {
                            ledger.setEditPoints(communityId, grant.memberId(),
                                    ledger.editPoints(communityId, grant.memberId()) + grant.editPoints());
                        }
                        int total = ledger.total(communityId, grant.memberId());
                        int amount = floored(total, grant.amount());
                        record(grant.memberId(), grant.reason(), false, grant.amount(), amount, total, cause, grant.grantedAt());
                        givenBack.add(new ReputationGrant(grant.memberId(), grant.reason(), amount, grant.votePoints(),
                                grant.editPoints(), grant.grantedAt()));
                    }
                    ledger.putCause(cause.restored(givenBack));
                }
            }
        }

        /** Takes back what the cause holds; answers what was really taken (the floor may keep some). */
        private List<ReputationGrant> takeBack(ReputationCause cause) {
            List<ReputationGrant> takenBack = new ArrayList<>();
            for (ReputationGrant grant : cause.grants()) {
                if (grant.votePoints() > 0) {
                    LocalDate day = dayOf(grant.grantedAt());
                    ledger.setVotePoints(communityId, grant.memberId(), day,
                            Math.max(0, ledger.votePoints(communityId, grant.memberId(), day) - grant.votePoints()));
                }
                if (grant.editPoints() > 0) {
                    ledger.setEditPoints(communityId, grant.memberId(),
                            Math.max(0, ledger.editPoints(communityId, grant.memberId()) - grant.editPoints()));
                }
                int total = ledger.total(communityId, grant.memberId());
                int amount = floored(total, -grant.amount());
                record(grant.memberId(), grant.reason(), true, -grant.amount(), amount, total, cause, grant.grantedAt());
                takenBack.add(new ReputationGrant(grant.memberId(), grant.reason(), -amount, grant.votePoints(),
                        grant.editPoints(), grant.grantedAt()));
            }
            return takenBack;
        }

        private void record(String memberId, ReputationReason reason, boolean reversal, int requested, int amount,
                            int totalBefore, ReputationCause cause, Instant grantedAt) {
            record(memberId, reason, reversal, requested, amount, totalBefore, cause.questionId(), cause.tags(), grantedAt,
                    cause.postId());
        }

        private void record(String memberId, ReputationReason reason, boolean reversal, int requested, int amount,
                            int totalBefore, String questionId, List<String> tags, Instant grantedAt) {
            record(memberId, reason, reversal, requested, amount, totalBefore, questionId, tags, grantedAt, postIdOf(event));
        }

        private void record(String memberId, ReputationReason reason, boolean reversal, int requested, int amount,
                            int totalBefore, String questionId, List<String> tags, Instant grantedAt, String postId) {
            if (amount != 0) {
                ledger.setTotal(communityId, memberId, totalBefore + amount);
            }
            if (requested == 0 && amount == 0) {
                return; // nothing asked, nothing happened: not worth a line in the history
            }
            changes.add(new ReputationChange(communityId, memberId, eventId, event.getClass().getSimpleName(), questionId,
                    postId, reason, reversal, requested, amount, totalBefore + amount, rules.version(), tags, grantedAt,
                    event.occurredAt()));
        }
    }

    private static int floored(int total, int amount) {
        if (amount < 0 && total + amount < ReputationRules.FLOOR) {
            return Math.min(0, ReputationRules.FLOOR - total);
        }
        return amount;
    }

    private static List<ReputationCause> sorted(List<ReputationCause> causes) {
        return causes.stream().sorted(Comparator.comparing(ReputationCause::key)).toList();
    }

    static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String postIdOf(PraxisEvent event) {
        if (event instanceof VoteCast e) {
            return e.postId();
        } else if (event instanceof AnonymousVoteRecorded e) {
            return e.postId();
        } else if (event instanceof VoteChanged e) {
            return e.postId();
        } else if (event instanceof AnswerAccepted e) {
            return e.answerId();
        } else if (event instanceof BountyOffered e) {
            return e.questionId();
        } else if (event instanceof BountyAwarded e) {
            return e.answerId();
        } else if (event instanceof BountyExpired e) {
            return e.winningAnswerId();
        } else if (event instanceof QuestionEdited e) {
            return e.questionId();
        } else if (event instanceof AnswerEdited e) {
            return e.answerId();
        } else if (event instanceof ArticleEdited e) {
            return e.articleId();
        }
        return null;
    }
}
