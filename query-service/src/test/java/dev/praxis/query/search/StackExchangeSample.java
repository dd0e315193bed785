package dev.praxis.query.search;

import dev.praxis.api.question.AnswerAccepted;
import dev.praxis.api.question.AnswerPosted;
import dev.praxis.api.question.PostKind;
import dev.praxis.api.question.QuestionAsked;
import dev.praxis.api.question.VoteCast;
import dev.praxis.api.question.VoteDirection;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A Stack Exchange data dump sample (test resources {@code stackexchange/<site>}, CC BY-SA, see the
 * README there) read with a streaming StAX reader and turned into the domain's events: tags become
 * {@code TagCreated}, questions {@code QuestionAsked}, answers {@code AnswerPosted}, the dump's
 * score as many {@code VoteCast}s from stand-in voters, an accepted answer {@code AnswerAccepted}.
 * The real importer is another issue; this is just enough to give search a realistic corpus.
 */
final class StackExchangeSample {

    private static final Pattern TAG_MARKS = Pattern.compile("[<>|]+");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");
    private static final Pattern DUPLICATE_NOTICE = Pattern.compile(
            "(?is)<blockquote>.*?(possible duplicate|already ha[sv]e? an? answers?).*?</blockquote>");
    private static final Pattern QUESTION_LINK = Pattern.compile("(?is)<a [^>]*href=\"[^\"]*/questions/\\d+[^\"]*\"[^>]*>.*?</a>");

    final String site;
    final Map<String, Question> questions = new LinkedHashMap<>();
    final List<Object> events = new ArrayList<>();
    /** Duplicate pairs (PostLinks LinkTypeId 3): the duplicate's id, then the id of the question it duplicates. */
    final List<String[]> duplicates = new ArrayList<>();

    /** A question of the dump, its text as the author wrote it (HTML stripped). */
    record Question(String id, String title, String body, String draftBody, List<String> tags) {
    }

    private StackExchangeSample(String site) {
        this.site = site;
    }

    static StackExchangeSample load(String site) {
        StackExchangeSample sample = new StackExchangeSample(site);
        sample.readTags();
        sample.readPosts();
        sample.readLinks();
        return sample;
    }

    String id(String dumpId) {
        return site + "-" + dumpId;
    }

    private void readTags() {
        rows("Tags.xml", row -> {
            String name = row.get("TagName").toLowerCase(Locale.ROOT);
            events.add(new TagCreated(TagIds.of(site, name), site, name, null, "importer", Instant.parse("2010-01-01T00:00:00Z")));
        });
    }

    private void readPosts() {
        Map<String, String> accepted = new HashMap<>();
        Map<String, String> answerAuthors = new HashMap<>();
        List<Object> acceptances = new ArrayList<>();
        rows("Posts.xml", row -> {
            String type = row.get("PostTypeId");
            String id = id(row.get("Id"));
            String author = "se-user-" + row.getOrDefault("OwnerUserId", "community");
            Instant created = LocalDateTime.parse(row.get("CreationDate")).toInstant(ZoneOffset.UTC);
            int score = Integer.parseInt(row.getOrDefault("Score", "0"));
            String html = row.getOrDefault("Body", "");
            if ("1".equals(type)) {
                List<String> tags = Arrays.stream(TAG_MARKS.split(row.getOrDefault("Tags", "")))
                        .filter(t -> !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT)).toList();
                String title = row.get("Title");
                Question question = new Question(id, title, text(html),
                        text(QUESTION_LINK.matcher(DUPLICATE_NOTICE.matcher(html).replaceAll(" ")).replaceAll(" ")), tags);
                questions.put(id, question);
                events.add(new QuestionAsked(id, site, title, question.body(), tags, author, created));
                votes(id, id, PostKind.QUESTION, author, score, created);
                if (row.get("AcceptedAnswerId") != null) {
                    accepted.put(id, id(row.get("AcceptedAnswerId")));
                }
            } else if ("2".equals(type)) {
                String questionId = id(row.get("ParentId"));
                if (!questions.containsKey(questionId)) {
                    return;
                }
                answerAuthors.put(id, author);
                events.add(new AnswerPosted(questionId, id, site, text(html), author, created));
                votes(questionId, id, PostKind.ANSWER, author, score, created);
            }
        });
        accepted.forEach((questionId, answerId) -> {
            if (answerAuthors.containsKey(answerId)) {
                acceptances.add(new AnswerAccepted(questionId, answerId, site, answerAuthors.get(answerId),
                        "se-asker", Instant.parse("2024-01-01T00:00:00Z")));
            }
        });
        events.addAll(acceptances);
    }

    private void votes(String questionId, String postId, PostKind kind, String author, int score, Instant at) {
        VoteDirection direction = score >= 0 ? VoteDirection.UP : VoteDirection.DOWN;
        for (int i = 0; i < Math.abs(score); i++) {
            events.add(new VoteCast(questionId, postId, kind, site, author, direction, "se-voter-" + i, at.plusSeconds(60 + i)));
        }
    }

    private void readLinks() {
        rows("PostLinks.xml", row -> {
            if ("3".equals(row.get("LinkTypeId"))) {
                String duplicate = id(row.get("PostId"));
                String original = id(row.get("RelatedPostId"));
                if (questions.containsKey(duplicate) && questions.containsKey(original)) {
                    duplicates.add(new String[] {duplicate, original});
                }
            }
        });
    }

    /** Every {@code row} element of one file of the dump, as its attributes, read as a stream. */
    private void rows(String file, Consumer<Map<String, String>> each) {
        String path = "/stackexchange/" + site + "/" + file;
        try (InputStream in = StackExchangeSample.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + path);
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                        Map<String, String> row = new HashMap<>();
                        for (int i = 0; i < xml.getAttributeCount(); i++) {
                            row.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                        }
                        each.accept(row);
                    }
                }
            } finally {
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Unreadable " + path, e);
        }
    }

    /** The text of an HTML body: tags removed, entities the dump leaves (after XML decoding) decoded. */
    static String text(String html) {
        return HTML_TAG.matcher(html).replaceAll(" ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }
}
