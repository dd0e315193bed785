package dev.praxis.query.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/** Entries to Lucene documents and back: the indexed fields are derived, the stored JSON is the truth. */
final class IndexDocuments {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static final String MEMBER_PREFIX = "member:";
    static final String SYNONYM_PREFIX = "synonym:";
    static final String MEMBER_KIND = "MEMBER";
    static final String SYNONYM_KIND = "SYNONYM";

    /**
     * Titles and bodies: analysed, stored, with offsets in the postings, so that the highlighter
     * reads the matches' places from the index instead of analysing every hit's text again.
     */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private IndexDocuments() {
    }

    static Document post(PostEntry post) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KEY, post.id(), Field.Store.YES));
        doc.add(new StringField(SearchFields.KIND, post.type().name(), Field.Store.NO));
        doc.add(new StringField(SearchFields.THREAD, post.thread(), Field.Store.NO));
        doc.add(new StringField(SearchFields.COMMUNITY, post.communityId(), Field.Store.NO));
        doc.add(new StringField(SearchFields.AUTHOR, post.authorId(), Field.Store.NO));
        for (String tag : post.tags()) {
            doc.add(new StringField(SearchFields.TAG, tag, Field.Store.NO));
            doc.add(new TextField(SearchFields.TAG_TEXT, tag, Field.Store.NO));
        }
        if (post.title() != null) {
            doc.add(new Field(SearchFields.TITLE, post.title(), TEXT_WITH_OFFSETS));
        }
        doc.add(new Field(SearchFields.BODY, post.body() == null ? "" : post.body(), TEXT_WITH_OFFSETS));
        if (post.type() == PostType.QUESTION) {
            doc.add(new StringField(SearchFields.ANSWERED, Boolean.toString(post.answered()), Field.Store.NO));
        }
        if (post.hidden()) {
            doc.add(new StringField(SearchFields.HIDDEN, "true", Field.Store.NO));
        }
        long created = post.createdAt().toEpochMilli();
        doc.add(new LongPoint(SearchFields.CREATED, created));
        doc.add(new NumericDocValuesField(SearchFields.CREATED, created));
        doc.add(new IntPoint(SearchFields.VOTES, post.score()));
        doc.add(new NumericDocValuesField(SearchFields.VOTES, post.score()));
        // an accepted answer, or a question that has one
        doc.add(new NumericDocValuesField(SearchFields.ACCEPTED, post.accepted() || post.acceptedAnswerId() != null ? 1 : 0));
        doc.add(new StoredField(SearchFields.STATE, write(post)));
        return doc;
    }

    static Document member(MemberEntry member) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KEY, MEMBER_PREFIX + member.id(), Field.Store.YES));
        doc.add(new StringField(SearchFields.KIND, MEMBER_KIND, Field.Store.NO));
        doc.add(new TextField(SearchFields.NAME, member.name(), Field.Store.NO));
        if (member.displayName() != null && !member.displayName().equals(member.name())) {
            doc.add(new TextField(SearchFields.NAME, member.displayName(), Field.Store.NO));
        }
        for (String community : member.communities()) {
            doc.add(new StringField(SearchFields.MEMBER_OF, community, Field.Store.NO));
        }
        doc.add(new StoredField(SearchFields.STATE, write(member)));
        return doc;
    }

    /** A tag synonym of a community: kept in the index so that a restart from the last commit knows it. */
    static Document synonym(TagSynonym synonym) {
        Document doc = new Document();
        doc.add(new StringField(SearchFields.KEY, synonymKey(synonym.communityId(), synonym.synonym()), Field.Store.YES));
        doc.add(new StringField(SearchFields.KIND, SYNONYM_KIND, Field.Store.NO));
        doc.add(new StoredField(SearchFields.STATE, write(synonym)));
        return doc;
    }

    static String synonymKey(String communityId, String synonym) {
        return SYNONYM_PREFIX + communityId + "/" + synonym;
    }

    static PostEntry readPost(Document doc) {
        return read(doc, PostEntry.class);
    }

    static MemberEntry readMember(Document doc) {
        return read(doc, MemberEntry.class);
    }

    static TagSynonym readSynonym(Document doc) {
        return read(doc, TagSynonym.class);
    }

    private static <T> T read(Document doc, Class<T> type) {
        try {
            org.apache.lucene.util.BytesRef state = doc.getBinaryValue(SearchFields.STATE);
            return JSON.readValue(state.bytes, state.offset, state.length, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable index entry " + doc.get(SearchFields.KEY), e);
        }
    }

    private static byte[] write(Object entry) {
        try {
            return JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code synonym} stands for the tag {@code master} in a community. */
    record TagSynonym(String communityId, String synonym, String master) {
    }
}
