package dev.praxis.command.importer;

import dev.praxis.api.community.CreateCommunity;
import dev.praxis.api.community.JoinCommunity;
import dev.praxis.api.member.FollowQuestion;
import dev.praxis.api.bounty.AwardBounty;
import dev.praxis.api.bounty.OfferBounty;
import dev.praxis.api.member.ProfileLimits;
import dev.praxis.api.question.AcceptAnswer;
import dev.praxis.api.question.AddComment;
import dev.praxis.api.question.AskQuestion;
import dev.praxis.api.question.CastVote;
import dev.praxis.api.question.CloseQuestion;
import dev.praxis.api.question.CloseReason;
import dev.praxis.api.question.EditAnswer;
import dev.praxis.api.question.EditQuestion;
import dev.praxis.api.question.PostAnswer;
import dev.praxis.api.question.RecordAnonymousVote;
import dev.praxis.api.question.ReopenQuestion;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.shared.Limits;
import dev.praxis.api.shared.PraxisCommand;
import dev.praxis.api.tag.CreateTag;
import dev.praxis.api.tag.EditTagDescription;
import dev.praxis.api.tag.TagIds;
import dev.praxis.command.shared.CommandRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports a Stack Exchange data dump (one folder of XML tables) into a new community, as history:
 * every record becomes the command a member would have sent, with the original author and time,
 * sent in-process through the command gateway, so the same handlers and rules apply as to live
 * traffic (reputation gates aside: see {@link ImportMarks}). Each command is one transaction that
 * also records its source record in {@code import_source} ({@link ImportSources}): a re-run skips
 * what is there, an interrupted run resumes.
 *
 * <p>One streaming pass per file, in dependency order: Users, Tags, Posts (into the working table
 * {@code import_post}; tag excerpts become tag descriptions), PostHistory (posts created from their
 * first revision, in Markdown, then edits as revisions, closures and reopenings, in the order they
 * happened), Posts again (posts without a history, from their HTML; an answer whose question is
 * missing is reported), Comments, Votes (acceptances, votes, favourites, bounties), PostLinks
 * (duplicates), Badges (Praxis derives its own).
 */
@Component
public class StackExchangeImporter {

    public static final String USERS = "Users.xml";
    public static final String TAGS = "Tags.xml";
    public static final String POSTS = "Posts.xml";
    public static final String POST_HISTORY = "PostHistory.xml";
    public static final String COMMENTS = "Comments.xml";
    public static final String VOTES = "Votes.xml";
    public static final String POST_LINKS = "PostLinks.xml";
    public static final String BADGES = "Badges.xml";

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern TAG_LIST = Pattern.compile("<([^<>]+)>");
    private static final Pattern ORIGINAL_IDS = Pattern.compile("\"OriginalQuestionIds\"\\s*:\\s*\\[\\s*(\\d+)");
    private static final int EDIT_COMMENT_MAX = 300;

    private final CommandGateway gateway;
    private final JdbcTemplate jdbc;
    private final ImportSources sources;

    public StackExchangeImporter(CommandGateway gateway, JdbcTemplate jdbc, ImportSources sources) {
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.sources = sources;
    }

    /**
     * What to import and as whom: the dump folder, the source key that names this import (the
     * community's id derives from it: {@code se-<source>}), the community's name, and the member who
     * runs the import (the community's owner, and the recorder of anonymous votes).
     */
    public record Options(java.nio.file.Path dir, String source, String communityName, String ownerId, String ownerName) {

        public Options {
            if (source == null || !SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("The source key must be 1 to 40 lower-case letters, digits or"
                        + " dashes: " + source);
            }
            if (ownerId == null || ownerId.isBlank()) {
                throw new IllegalArgumentException("The import needs an owner (a member id).");
            }
        }

        /** A source key from a folder name: {@code bicycles-meta}, {@code Bicycles.Meta} -> {@code bicycles-meta}. */
        public static String sourceOf(java.nio.file.Path dir) {
            String name = dir.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
            if (name.isEmpty()) {
                name = "dump";
            }
            return name.length() > 40 ? name.substring(0, 40).replaceAll("-+$", "") : name;
        }
    }

    /** Told of every row read, to show progress; may throw to stop the import (it stops between records). */
    public interface Listener {
        void row(String file, long rows, ImportReport report);

        Listener NONE = (file, rows, report) -> { };
    }

    /** The id of the community an import with this source key creates. */
    public static String communityIdOf(String source) {
        return "se-" + source;
    }

    public ImportReport run(Options options, Listener listener) {
        return new Run(options, listener).run();
    }

    /** The state of one import. */
    private final class Run {
        private final Options options;
        private final Listener listener;
        private final ImportReport report = new ImportReport();
        private final String source;
        private final String prefix;
        private final String communityId;
        private final BitSet users = new BitSet();
        private boolean communityUser;
        private final Set<String> ghosts = new HashSet<>();
        /** tag excerpt post id to its tag */
        private final Map<Long, String> excerpts = new HashMap<>();
        private final Set<Long> wikis = new HashSet<>();
        /** questions closed by their history: as a duplicate, or for another reason */
        private final Set<Long> closedAsDuplicate = new HashSet<>();
        private final Set<Long> closedOtherwise = new HashSet<>();
        /** question id to the history of its answers read before the question was created */
        private final Map<Long, List<List<DumpFile.Row>>> waiting = new HashMap<>();
        private Instant communityCreatedAt;
        private String file;
        private long rows;

        Run(Options options, Listener listener) {
            this.options = options;
            this.listener = listener;
            this.source = options.source();
            this.prefix = communityIdOf(source);
            this.communityId = prefix;
            report.communityId(communityId);
        }

        ImportReport run() {
            communityCreatedAt = firstDate();
            String name = options.communityName() == null || options.communityName().isBlank()
                    ? "Stack Exchange: " + source : options.communityName();
            boolean created = send("community", "Community", communityId, "", 0, new CreateCommunity(communityId,
                    name, "The history of " + source + ", imported from the Stack Exchange data dump. User contributions"
                            + " are licensed under CC BY-SA (3.0 or 4.0, by date); the dump is published by Stack Exchange, Inc.",
                    null, options.ownerId(), options.ownerName() == null ? options.ownerId() : options.ownerName(),
                    communityCreatedAt));
            if (!created) {
                return report;
            }
            pass(USERS, this::user);
            pass(TAGS, this::tag);
            jdbc.update("DELETE FROM import_post WHERE source = ?", source);
            StagedPosts staged = new StagedPosts();
            pass(POSTS, row -> stage(row, staged));
            staged.flush();
            HistoryGroup group = new HistoryGroup();
            pass(POST_HISTORY, row -> group.add(row));
            group.flush();
            pass(POSTS, this::createWithoutHistory);
            pass(COMMENTS, this::comment);
            pass(VOTES, this::vote);
            pass(POST_LINKS, this::link);
            pass(BADGES, row -> report.skipped("badges", "Praxis awards its own badges from the imported history"));
            return report;
        }

        // ---- the passes

        private void pass(String name, java.util.function.Consumer<DumpFile.Row> each) {
            DumpFile dump = new DumpFile(options.dir(), name);
            file = name;
            rows = 0;
            if (!dump.exists()) {
                report.problem(null, null, name, 0, "missing: the file is not in " + options.dir()
                        + "; what depends on it is skipped");
                return;
            }
            try {
                dump.forEachRow(row -> {
                    rows++;
                    try {
                        each.accept(row);
                    } catch (BadRecord e) {
                        report.problem(e.kind, e.reason, name, row.line(), e.getMessage());
                    }
                    listener.row(name, rows, report);
                });
            } catch (DumpFile.UnreadableException e) {
                report.problem(null, null, name, e.line(), e.getMessage() + "; the rest of this file is skipped");
            }
        }

        private Instant firstDate() {
            for (String name : List.of(USERS, POSTS)) {
                DumpFile dump = new DumpFile(options.dir(), name);
                if (!dump.exists()) {
                    continue;
                }
                Instant[] first = new Instant[1];
                try {
                    dump.forEachRow(row -> {
                        first[0] = optionalDate(row.get("CreationDate"));
                        throw new StopReading();
                    });
                } catch (StopReading | DumpFile.UnreadableException e) {
                    // the first row is all it takes; a malformed file is reported by its pass
                }
                if (first[0] != null) {
                    return first[0];
                }
            }
            return Instant.now();
        }

        private void user(DumpFile.Row row) {
            long id = number(row, "Id", "members");
            Instant at = date(row, "CreationDate", "members");
            String name = displayName(row.get("DisplayName"), "user" + id);
            if (send("members", "Users/" + id, member(id), file, row.line(), new JoinCommunity(communityId, member(id),
                    name, at))) {
                markUser(id);
            }
        }

        private void tag(DumpFile.Row row) {
            long id = number(row, "Id", "tags");
            String name = row.get("TagName") == null ? "" : row.get("TagName").strip().toLowerCase(Locale.ROOT);
            if (!Limits.TAG.matcher(name).matches()) {
                throw new BadRecord("tags", "invalid tag name", "tag " + id + ": '" + name + "' is not a valid tag name");
            }
            if (row.get("ExcerptPostId") != null) {
                excerpts.put(number(row, "ExcerptPostId", "tags"), name);
            }
            if (row.get("WikiPostId") != null) {
                wikis.add(number(row, "WikiPostId", "tags"));
            }
            send("tags", "Tags/" + id, TagIds.of(communityId, name), file, row.line(),
                    new CreateTag(TagIds.of(communityId, name), communityId, name, null, options.ownerId(),
                            communityCreatedAt));
        }

        /** Posts.xml, first pass: questions and answers into the working table; tag excerpts as descriptions. */
        private void stage(DumpFile.Row row, StagedPosts staged) {
            long id = number(row, "Id", "posts");
            int type = (int) number(row, "PostTypeId", "posts");
            Instant at = date(row, "CreationDate", "posts");
            switch (type) {
                case 1, 2 -> staged.add(id, type, type == 2 ? number(row, "ParentId", "answers") : null,
                        optionalNumber(row.get("OwnerUserId")), row.get("OwnerDisplayName"), at,
                        optionalNumber(row.get("AcceptedAnswerId")), row.line());
                case 4 -> tagExcerpt(row, id, at);
                case 5 -> report.skipped("tag wikis", "Praxis keeps a tag's excerpt as its description, not its wiki");
                case 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17 ->
                        report.skipped("other posts", "PostTypeId " + type + " is neither a question nor an answer");
                default -> throw new BadRecord("other posts", "unknown PostTypeId",
                        "post " + id + ": unknown PostTypeId " + type + " (1 question, 2 answer, 3-17 site posts)");
            }
        }

        private void tagExcerpt(DumpFile.Row row, long id, Instant at) {
            String tag = excerpts.get(id);
            if (tag == null) {
                report.skipped("tag descriptions", "excerpt of a tag not in Tags.xml");
                return;
            }
            String text = plainText(row.get("Body"));
            if (text.isEmpty()) {
                report.skipped("tag descriptions", "empty excerpt");
                return;
            }
            if (text.length() > ProfileLimits.TAG_DESCRIPTION_MAX) {
                text = text.substring(0, ProfileLimits.TAG_DESCRIPTION_MAX - 1) + "…";
            }
            send("tag descriptions", "Posts/" + id, TagIds.of(communityId, tag), file, row.line(),
                    new EditTagDescription(TagIds.of(communityId, tag), communityId, tag, text, options.ownerId(), at));
        }

        /** Posts.xml, second pass: the posts PostHistory did not create (no history, or a question missing then). */
        private void createWithoutHistory(DumpFile.Row row) {
            Long typeValue = optionalNumber(row.get("PostTypeId"));
            Long id = optionalNumber(row.get("Id"));
            if (id == null || typeValue == null || (typeValue != 1 && typeValue != 2)) {
                return; // reported by the first pass
            }
            if (sources.contains(source, "Posts/" + id)) {
                return; // created from its history (counted there)
            }
            Post post = staged(id).orElse(null);
            if (post == null) {
                return;
            }
            String author = author(post);
            if (post.type() == 1) {
                send("questions", "Posts/" + id, post(id), file, row.line(), new AskQuestion(post(id), communityId,
                        row.get("Title"), row.get("Body"), tags(row.get("Tags")), author, post.createdAt()));
            } else if (!sources.contains(source, "Posts/" + post.parentId())) {
                throw new BadRecord("answers", "dangling: its question is not in the dump",
                        "answer " + id + " belongs to question " + post.parentId() + ", which is not "
                                + (staged(post.parentId()).isPresent() ? "imported" : "in the dump"));
            } else {
                send("answers", "Posts/" + id, post(id), file, row.line(), new PostAnswer(post(post.parentId()), post(id),
                        row.get("Body"), author, post.createdAt()));
            }
        }

        private void comment(DumpFile.Row row) {
            long id = number(row, "Id", "comments");
            long postId = number(row, "PostId", "comments");
            Instant at = date(row, "CreationDate", "comments");
            Post post = staged(postId).orElseThrow(() -> new BadRecord("comments", "dangling: its post is not in the dump",
                    "comment " + id + " is on post " + postId + ", which is not in the dump"));
            if (!sources.contains(source, "Posts/" + postId)) {
                report.skipped("comments", "its post was not imported");
                return;
            }
            String author = memberFor(optionalNumber(row.get("UserId")), row.get("UserDisplayName"), at);
            send("comments", "Comments/" + id, comment(id), file, row.line(), new AddComment(post(post.questionId()),
                    comment(id), post(postId), row.get("Text"), author, at));
        }

        private void vote(DumpFile.Row row) {
            long id = number(row, "Id", "votes");
            int type = (int) number(row, "VoteTypeId", "votes");
            String kind = switch (type) {
                case 1 -> "accepted answers";
                case 2, 3 -> "votes";
                case 5 -> "favorites";
                case 8, 9 -> "bounties";
                case 10, 11, 12, 15, 16 -> "moderation votes";
                default -> throw new BadRecord("votes", "unknown VoteTypeId", "vote " + id + ": unknown VoteTypeId "
                        + type + " (known: 1 accepted, 2 up, 3 down, 5 favorite, 8/9 bounty, 10 deletion, 11 undeletion,"
                        + " 12 spam, 15 moderator review, 16 approved edit)");
            };
            switch (type) {
                case 10 -> {
                    report.skipped(kind, "deletion votes: deleted posts are not in the dump");
                    return;
                }
                case 11 -> {
                    report.skipped(kind, "undeletion votes: the post's presence says it all");
                    return;
                }
                case 12 -> {
                    report.skipped(kind, "spam flags are not imported");
                    return;
                }
                case 15, 16 -> {
                    report.skipped(kind, "review votes are not imported");
                    return;
                }
                default -> {
                }
            }
            long postId = number(row, "PostId", kind);
            Instant at = date(row, "CreationDate", kind);
            Optional<Post> found = staged(postId);
            if (found.isEmpty()) {
                report.skipped(kind, "its post is not in the dump (deleted)");
                return;
            }
            Post post = found.get();
            if (!sources.contains(source, "Posts/" + postId)) {
                report.skipped(kind, "its post was not imported");
                return;
            }
            Long userId = optionalNumber(row.get("UserId"));
            String questionId = post(post.questionId());
            switch (type) {
                case 1 -> {
                    if (post.type() != 2) {
                        throw new BadRecord(kind, "acceptance of a question", "vote " + id + ": post " + postId
                                + " is accepted but is not an answer");
                    }
                    Post question = staged(post.parentId()).orElseThrow();
                    send(kind, "Votes/" + id, post(postId), file, row.line(),
                            new AcceptAnswer(questionId, post(postId), author(question), at));
                }
                case 2, 3 -> {
                    VoteDirection direction = type == 2 ? VoteDirection.UP : VoteDirection.DOWN;
                    if (userId != null && isUser(userId)) {
                        send(kind, "Votes/" + id, post(postId), file, row.line(),
                                new CastVote(questionId, post(postId), direction, member(userId), at));
                    } else {
                        send(kind, "Votes/" + id, post(postId), file, row.line(),
                                new RecordAnonymousVote(questionId, post(postId), direction, options.ownerId(), at));
                    }
                }
                case 5 -> {
                    if (userId == null || !isUser(userId)) {
                        report.skipped(kind, "favorite without its member");
                        return;
                    }
                    send(kind, "Votes/" + id, questionId, file, row.line(),
                            new FollowQuestion(member(userId), questionId, member(userId), at));
                }
                case 8 -> {
                    if (userId == null || !isUser(userId)) {
                        report.skipped(kind, "bounty without its offerer");
                        return;
                    }
                    int amount = (int) number(row, "BountyAmount", kind);
                    send(kind, "Votes/" + id, questionId, file, row.line(),
                            new OfferBounty(questionId, amount, member(userId), at));
                }
                default -> { // 9: the bounty's award to an answer
                    if (userId == null || !isUser(userId) || post.type() != 2) {
                        report.skipped(kind, "bounty award without its offerer or answer");
                        return;
                    }
                    send(kind, "Votes/" + id, questionId, file, row.line(),
                            new AwardBounty(questionId, post(postId), member(userId), at));
                }
            }
        }

        private void link(DumpFile.Row row) {
            long id = number(row, "Id", "duplicates");
            int type = (int) number(row, "LinkTypeId", "duplicates");
            if (type == 1) {
                report.skipped("links", "Praxis keeps no links between related posts");
                return;
            }
            if (type != 3) {
                throw new BadRecord("links", "unknown LinkTypeId", "link " + id + ": unknown LinkTypeId " + type
                        + " (1 linked, 3 duplicate)");
            }
            long postId = number(row, "PostId", "duplicates");
            long originalId = number(row, "RelatedPostId", "duplicates");
            if (closedAsDuplicate.contains(postId)) {
                report.skipped("duplicates", "recorded by the question's closure as a duplicate");
                return;
            }
            if (closedOtherwise.contains(postId)) {
                report.skipped("duplicates", "the question was closed for another reason");
                return;
            }
            Optional<Post> post = staged(postId);
            if (post.isEmpty() || post.get().type() != 1 || !sources.contains(source, "Posts/" + postId)
                    || !sources.contains(source, "Posts/" + originalId)) {
                report.skipped("duplicates", "a question of the link is not in the dump");
                return;
            }
            send("duplicates", "PostLinks/" + id, post(postId), file, row.line(), new CloseQuestion(post(postId),
                    CloseReason.DUPLICATE, post(originalId), options.ownerId(), date(row, "CreationDate", "duplicates")));
        }

        // ---- PostHistory: the rows of one revision (same post, same RevisionGUID) together

        private final class HistoryGroup {
            private final List<DumpFile.Row> rows = new ArrayList<>();
            private String key;

            void add(DumpFile.Row row) {
                String rowKey = row.get("PostId") + "/" + (row.get("RevisionGUID") == null ? row.get("Id") : row.get("RevisionGUID"));
                if (key != null && !key.equals(rowKey)) {
                    flush();
                }
                key = rowKey;
                rows.add(row);
            }

            void flush() {
                if (rows.isEmpty()) {
                    return;
                }
                List<DumpFile.Row> revision = List.copyOf(rows);
                rows.clear();
                key = null;
                try {
                    history(revision);
                } catch (BadRecord e) {
                    report.problem(e.kind, e.reason, POST_HISTORY, revision.get(0).line(), e.getMessage());
                }
            }
        }

        private void history(List<DumpFile.Row> revision) {
            DumpFile.Row first = revision.get(0);
            long postId = number(first, "PostId", "history");
            Optional<Post> found = staged(postId);
            if (found.isEmpty()) {
                revision.forEach(r -> report.skipped("history", "its post is not in the dump (deleted)"));
                return;
            }
            Post post = found.get();
            if (post.type() == 2 && !sources.contains(source, "Posts/" + post.parentId()) && staged(post.parentId()).isPresent()) {
                // an answer whose question's history comes later in the file (a migrated thread): it waits for it
                waiting.computeIfAbsent(post.parentId(), id -> new ArrayList<>()).add(revision);
                return;
            }
            Map<Integer, DumpFile.Row> byType = new HashMap<>();
            for (DumpFile.Row row : revision) {
                int type = (int) number(row, "PostHistoryTypeId", "history");
                if (type < 1 || type > 66) {
                    throw new BadRecord("history", "unknown PostHistoryTypeId", "history " + row.get("Id")
                            + ": unknown PostHistoryTypeId " + type);
                }
                byType.put(type, row);
            }
            Instant at = date(first, "CreationDate", "history");
            String actor = memberFor(optionalNumber(first.get("UserId")), first.get("UserDisplayName"), at);
            String title = text(byType, 1, 4, 7);
            String body = text(byType, 2, 5, 8);
            String tagText = text(byType, 3, 6, 9);
            boolean initial = byType.containsKey(1) || byType.containsKey(2) || byType.containsKey(3);
            boolean edit = byType.containsKey(4) || byType.containsKey(5) || byType.containsKey(6)
                    || byType.containsKey(7) || byType.containsKey(8) || byType.containsKey(9);
            if (initial || edit) {
                String newTitle = title != null ? title : post.title();
                String newBody = body != null ? body : post.body();
                String newTags = tagText != null ? tagText : post.tags();
                jdbc.update("UPDATE import_post SET title = ?, body = ?, tags = ? WHERE source = ? AND post_id = ?",
                        newTitle, newBody, newTags, source, postId);
                boolean created = sources.contains(source, "Posts/" + postId);
                if (initial && created) {
                    report.already(post.type() == 1 ? "questions" : "answers");
                } else if (initial) {
                    create(post, newTitle, newBody, newTags, first);
                } else if (created) {
                    String comment = optionalComment(first.get("Comment"));
                    String sourceId = "PostHistory/" + first.get("Id");
                    if (post.type() == 1) {
                        send("revisions", sourceId, post(postId), POST_HISTORY, first.line(), new EditQuestion(post(postId),
                                newTitle, newBody, tags(newTags), comment, actor, at));
                    } else if (body != null) {
                        send("revisions", sourceId, post(postId), POST_HISTORY, first.line(), new EditAnswer(
                                post(post.parentId()), post(postId), newBody, comment, actor, at));
                    }
                } else {
                    report.skipped("revisions", "its post was not created from its history");
                }
            }
            for (Map.Entry<Integer, DumpFile.Row> entry : byType.entrySet()) {
                int type = entry.getKey();
                DumpFile.Row row = entry.getValue();
                if (type <= 9) {
                    continue;
                }
                String sourceId = "PostHistory/" + row.get("Id");
                if (type == 10 || type == 11) {
                    if (post.type() != 1 || !sources.contains(source, "Posts/" + postId)) {
                        report.skipped("closures", "its question was not imported");
                    } else if (type == 10) {
                        close(post, row, sourceId, actor, at);
                    } else {
                        closedAsDuplicate.remove(postId);
                        closedOtherwise.remove(postId);
                        send("reopenings", sourceId, post(postId), POST_HISTORY, row.line(),
                                new ReopenQuestion(post(postId), actor, at));
                    }
                } else {
                    report.skipped("history", skipReason(type));
                }
            }
        }

        private void create(Post post, String title, String body, String tags, DumpFile.Row first) {
            String author = author(post);
            if (post.type() == 1) {
                if (title == null || body == null) {
                    return; // created from Posts.xml by the second pass
                }
                boolean asked = send("questions", "Posts/" + post.id(), post(post.id()), POST_HISTORY, first.line(),
                        new AskQuestion(post(post.id()), communityId, title, body, tags(tags), author, post.createdAt()));
                List<List<DumpFile.Row>> answers = waiting.remove(post.id());
                if (asked && answers != null) {
                    answers.forEach(this::history);
                }
            } else if (body != null && sources.contains(source, "Posts/" + post.parentId())) {
                send("answers", "Posts/" + post.id(), post(post.id()), POST_HISTORY, first.line(), new PostAnswer(
                        post(post.parentId()), post(post.id()), body, author, post.createdAt()));
            }
            // otherwise: the second pass over Posts.xml creates it, or reports its missing question
        }

        private void close(Post post, DumpFile.Row row, String sourceId, String actor, Instant at) {
            Long reasonId = optionalNumber(row.get("Comment"));
            CloseReason reason = closeReason(reasonId == null ? 0 : reasonId);
            String duplicateOf = null;
            if (reason == CloseReason.DUPLICATE) {
                Matcher original = ORIGINAL_IDS.matcher(row.get("Text") == null ? "" : row.get("Text"));
                if (!original.find()) {
                    reason = CloseReason.OFF_TOPIC;
                } else {
                    duplicateOf = post(Long.parseLong(original.group(1)));
                }
            }
            boolean closed = send("closures", sourceId, post(post.id()), POST_HISTORY, row.line(),
                    new CloseQuestion(post(post.id()), reason, duplicateOf, actor, at));
            if (closed) {
                (reason == CloseReason.DUPLICATE ? closedAsDuplicate : closedOtherwise).add(post.id());
            }
        }

        // ---- members

        /** The member for a user of the dump; a deleted user (a name only) becomes a member of that name. */
        private String memberFor(Long userId, String displayName, Instant at) {
            if (userId != null && isUser(userId)) {
                return member(userId);
            }
            String name = displayName(displayName, userId != null ? "user" + userId : "anonymous");
            String id = prefix + "-n" + hash(name);
            if (ghosts.add(id)) {
                send("members", "Ghosts/" + (name.length() > 100 ? name.substring(0, 100) : name), id, file, 0,
                        new JoinCommunity(communityId, id, name, at));
            }
            return id;
        }

        private String author(Post post) {
            return memberFor(post.ownerUserId(), post.ownerName(), post.createdAt());
        }

        private boolean isUser(long userId) {
            return userId == -1 ? communityUser : userId >= 0 && userId <= Integer.MAX_VALUE && users.get((int) userId);
        }

        private void markUser(long userId) {
            if (userId == -1) {
                communityUser = true;
            } else if (userId >= 0 && userId <= Integer.MAX_VALUE) {
                users.set((int) userId);
            }
        }

        // ---- sending

        /**
         * Sends the command of one source record unless it was imported before. Answers whether the
         * record is imported now (by this call or before); a refusal is reported with the file and line.
         */
        private boolean send(String kind, String sourceId, String targetId, String fileName, long line, PraxisCommand command) {
            if (sources.contains(source, sourceId)) {
                report.already(kind);
                return true;
            }
            Map<String, Object> metaData = Map.of(ImportMarks.IMPORTED, Boolean.TRUE, ImportMarks.IMPORT_SOURCE, source,
                    ImportMarks.SOURCE_ID, sourceId, ImportSources.TARGET_ID, targetId);
            try {
                gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
                report.imported(kind);
                return true;
            } catch (CommandRejectedException e) {
                report.problem(kind, "refused: " + e.code(), fileName, line,
                        sourceId + " refused by " + command.getClass().getSimpleName() + " (" + e.code() + "): " + e.getMessage());
            } catch (AggregateNotFoundException e) {
                report.problem(kind, "refused: unknown aggregate", fileName, line,
                        sourceId + " refused: there is no " + e.getAggregateIdentifier());
            } catch (RuntimeException e) {
                report.problem(kind, "failed: " + e.getClass().getSimpleName(), fileName, line,
                        sourceId + " failed: " + e.getMessage());
            }
            return false;
        }

        // ---- the working table of posts

        private final class StagedPosts {
            private final List<Object[]> batch = new ArrayList<>();

            void add(long id, int type, Long parentId, Long ownerUserId, String ownerName, Instant createdAt,
                     Long acceptedAnswerId, long line) {
                batch.add(new Object[] {source, id, type, parentId, ownerUserId, ownerName, Timestamp.from(createdAt),
                        acceptedAnswerId, line});
                if (batch.size() >= 500) {
                    flush();
                }
            }

            void flush() {
                if (!batch.isEmpty()) {
                    jdbc.batchUpdate("""
                            INSERT INTO import_post (source, post_id, post_type, parent_id, owner_user_id, owner_name,
                                created_at, accepted_answer_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (source, post_id) DO NOTHING""", batch);
                    batch.clear();
                }
            }
        }

        private Optional<Post> staged(long postId) {
            return jdbc.query("""
                    SELECT post_id, post_type, parent_id, owner_user_id, owner_name, created_at, title, body, tags
                    FROM import_post WHERE source = ? AND post_id = ?""",
                    (rs, n) -> new Post(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                            rs.getString(9)), source, postId).stream().findFirst();
        }

        // ---- ids

        private String member(long userId) {
            return prefix + "-u" + userId;
        }

        private String post(long postId) {
            return prefix + "-p" + postId;
        }

        private String comment(long commentId) {
            return prefix + "-c" + commentId;
        }
    }

    /** A question or answer of the dump, with its current revision as PostHistory moved it on. */
    private record Post(long id, int type, Long parentId, Long ownerUserId, String ownerName, Instant createdAt,
                        String title, String body, String tags) {

        long questionId() {
            return type == 1 ? id : parentId;
        }
    }

    /** A record that cannot be imported as it is; reported with its file and line, the import goes on. */
    private static final class BadRecord extends RuntimeException {
        private final String kind;
        private final String reason;

        BadRecord(String kind, String reason, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.reason = reason;
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    // ---- fields

    private static long number(DumpFile.Row row, String field, String kind) {
        String value = row.get(field);
        if (value == null) {
            throw new BadRecord(kind, "missing " + field, "the row has no " + field);
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRecord(kind, "invalid " + field, field + " is not a number: '" + value + "'");
        }
    }

    private static Long optionalNumber(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant date(DumpFile.Row row, String field, String kind) {
        String value = row.get(field);
        Instant date = optionalDate(value);
        if (date == null) {
            throw new BadRecord(kind, "invalid " + field, field + " is not a date: '" + value + "'");
        }
        return date;
    }

    /** The dump's dates are UTC without a zone: {@code 2018-02-06T20:19:50.957}. */
    private static Instant optionalDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Tags as the dump writes them, {@code <a><b>} (or {@code |a|b|} in newer dumps). */
    static List<String> tags(String value) {
        List<String> tags = new ArrayList<>();
        if (value == null) {
            return tags;
        }
        Matcher matcher = TAG_LIST.matcher(value);
        while (matcher.find()) {
            tags.add(matcher.group(1));
        }
        if (tags.isEmpty()) {
            for (String tag : value.split("\\|")) {
                if (!tag.isBlank()) {
                    tags.add(tag.strip());
                }
            }
        }
        return tags;
    }

    private static String text(Map<Integer, DumpFile.Row> byType, int... types) {
        for (int type : types) {
            DumpFile.Row row = byType.get(type);
            if (row != null) {
                return row.fields().getOrDefault("Text", "");
            }
        }
        return null;
    }

    private static String optionalComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String c = comment.strip();
        return c.length() > EDIT_COMMENT_MAX ? c.substring(0, EDIT_COMMENT_MAX - 1) + "…" : c;
    }

    private static String displayName(String name, String fallback) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            n = fallback;
        }
        return n.length() > Limits.DISPLAY_NAME_MAX ? n.substring(0, Limits.DISPLAY_NAME_MAX) : n;
    }

    /** Stack Exchange's close reasons (old ids 1-20, current 101-105) in Praxis's terms. */
    static CloseReason closeReason(long id) {
        return switch ((int) id) {
            case 1, 101 -> CloseReason.DUPLICATE;
            case 3, 105 -> CloseReason.OPINION_BASED;
            case 4, 103 -> CloseReason.NEEDS_DETAILS;
            case 104 -> CloseReason.NEEDS_FOCUS;
            default -> CloseReason.OFF_TOPIC; // 2, 7 (too localized), 10 (general reference), 20 (noise), 102
        };
    }

    private static String skipReason(int type) {
        return switch (type) {
            case 12, 13 -> "deletions: the dump holds the posts that exist";
            case 14, 15 -> "locks are not imported (they would refuse the thread's imported votes)";
            case 16, 17, 18, 19, 20, 22, 35, 36, 37, 38 -> "community wiki, migration, merge and protection are not kept";
            case 24 -> "suggested edits: the edit itself is imported";
            default -> "PostHistoryTypeId " + type + " is not kept by Praxis";
        };
    }

    /** An excerpt's text: HTML tags removed, entities decoded, white space collapsed. */
    static String plainText(String html) {
        if (html == null) {
            return "";
        }
        return html.replaceAll("<[^>]*>", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
