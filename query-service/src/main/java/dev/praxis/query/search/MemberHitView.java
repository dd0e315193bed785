package dev.praxis.query.search;

import java.util.List;

/**
 * A member found by name or by expertise.
 *
 * @param expertise for a search by expertise, the weight of the member's answers on the subject
 *                  (one per answer, plus its positive score, plus three if accepted); 0 for a name search
 * @param tags      for a search by expertise, the tags of those answers, most weighty first
 */
public record MemberHitView(String memberId, String name, double expertise, List<String> tags) {
}
