package dev.praxis.api.reputation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ReputationLedger} in memory: for replaying a community's history under new rules, and for
 * tests. Keys are kept in insertion order so that what it holds reads the same every time.
 */
public final class InMemoryReputationLedger implements ReputationLedger {

    private final Map<String, ReputationRules> rules = new HashMap<>();
    private final Map<List<String>, Integer> totals = new LinkedHashMap<>();
    private final Map<List<String>, Integer> votePoints = new LinkedHashMap<>();
    private final Map<List<String>, Integer> editPoints = new LinkedHashMap<>();
    private final Map<List<String>, List<String>> tags = new LinkedHashMap<>();
    private final Map<List<String>, ReputationCause> causes = new LinkedHashMap<>();

    public InMemoryReputationLedger withRules(String communityId, ReputationRules communityRules) {
        rules.put(communityId, communityRules);
        return this;
    }

    @Override
    public ReputationRules rules(String communityId) {
        return rules.getOrDefault(communityId, ReputationRules.initial());
    }

    @Override
    public int total(String communityId, String memberId) {
        return totals.getOrDefault(List.of(communityId, memberId), ReputationRules.BASE);
    }

    @Override
    public void setTotal(String communityId, String memberId, int total) {
        totals.put(List.of(communityId, memberId), total);
    }

    @Override
    public int votePoints(String communityId, String memberId, LocalDate day) {
        return votePoints.getOrDefault(List.of(communityId, memberId, day.toString()), 0);
    }

    @Override
    public void setVotePoints(String communityId, String memberId, LocalDate day, int points) {
        votePoints.put(List.of(communityId, memberId, day.toString()), points);
    }

    @Override
    public int editPoints(String communityId, String memberId) {
        return editPoints.getOrDefault(List.of(communityId, memberId), 0);
    }

    @Override
    public void setEditPoints(String communityId, String memberId, int points) {
        editPoints.put(List.of(communityId, memberId), points);
    }

    @Override
    public List<String> tagsOf(String communityId, String questionId) {
        return tags.getOrDefault(List.of(communityId, questionId), List.of());
    }

    @Override
    public void setTags(String communityId, String questionId, List<String> questionTags) {
        tags.put(List.of(communityId, questionId), List.copyOf(questionTags));
    }

    @Override
    public Optional<ReputationCause> cause(String communityId, String key) {
        return Optional.ofNullable(causes.get(List.of(communityId, key)));
    }

    @Override
    public List<ReputationCause> causesOfThread(String communityId, String questionId) {
        return causes.values().stream()
                .filter(c -> c.communityId().equals(communityId) && questionId.equals(c.questionId())).toList();
    }

    @Override
    public void putCause(ReputationCause cause) {
        causes.put(List.of(cause.communityId(), cause.key()), cause);
    }

    @Override
    public void removeCause(String communityId, String key) {
        causes.remove(List.of(communityId, key));
    }

    /** Every member's total in the community: {@code memberId -> reputation}, for members with a change. */
    public Map<String, Integer> totals(String communityId) {
        Map<String, Integer> result = new LinkedHashMap<>();
        totals.forEach((key, total) -> {
            if (key.get(0).equals(communityId)) {
                result.put(key.get(1), total);
            }
        });
        return result;
    }

    /** Every vote-point counter of the community: {@code [memberId, day] -> points}. */
    public Map<List<String>, Integer> votePoints(String communityId) {
        Map<List<String>, Integer> result = new LinkedHashMap<>();
        votePoints.forEach((key, points) -> {
            if (key.get(0).equals(communityId)) {
                result.put(List.of(key.get(1), key.get(2)), points);
            }
        });
        return result;
    }

    /** Every member's edit points in the community. */
    public Map<String, Integer> editPoints(String communityId) {
        Map<String, Integer> result = new LinkedHashMap<>();
        editPoints.forEach((key, points) -> {
            if (key.get(0).equals(communityId)) {
                result.put(key.get(1), points);
            }
        });
        return result;
    }

    /** Every thread's tags in the community. */
    public Map<String, List<String>> tags(String communityId) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        tags.forEach((key, threadTags) -> {
            if (key.get(0).equals(communityId)) {
                result.put(key.get(1), threadTags);
            }
        });
        return result;
    }

    /** Every cause of the community. */
    public List<ReputationCause> causes(String communityId) {
        return new ArrayList<>(causes.values().stream().filter(c -> c.communityId().equals(communityId)).toList());
    }
}
