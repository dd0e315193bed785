package dev.praxis.command.question;

import dev.praxis.command.community.CommunityDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code @memberId} tokens of a text that name members of the community, in order of first mention. */
public final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_][A-Za-z0-9._-]{0,63})");

    private Mentions() {
    }

    public static List<String> in(String text, String communityId, CommunityDirectory directory) {
        if (text == null) {
            return List.of();
        }
        Set<String> mentioned = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group(1).replaceAll("[.\\-]+$", "");
            if (!candidate.isEmpty() && directory.roleOf(communityId, candidate).isPresent()) {
                mentioned.add(candidate);
            }
        }
        return new ArrayList<>(mentioned);
    }
}
