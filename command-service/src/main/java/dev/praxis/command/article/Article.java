package dev.praxis.command.article;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.forbidden;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.article.ArticleDeleted;
import dev.praxis.api.article.ArticleEdited;
import dev.praxis.api.article.ArticlePublished;
import dev.praxis.api.article.DeleteArticle;
import dev.praxis.api.article.EditArticle;
import dev.praxis.api.article.PublishArticle;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.shared.Limits;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.shared.InputRules;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A knowledge article of a community: a title, a Markdown body and tags, with its revisions. */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Article {

    static final int EDIT_COMMENT_MAX = 300;
    static final int REASON_MAX = 500;

    @AggregateIdentifier
    private String articleId;
    private String communityId;
    private String authorId;
    private String title;
    private String body;
    private List<String> tags = new ArrayList<>();
    private int revision;
    private boolean deleted;

    protected Article() {
        // for Axon
    }

    @CommandHandler
    public Article(PublishArticle command, CommunityDirectory directory) {
        InputRules.requireId(command.articleId(), "articleId");
        InputRules.requireId(command.communityId(), "communityId");
        String title = InputRules.requireText(command.title(), "title", Limits.TITLE_MIN, Limits.TITLE_MAX);
        String body = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        List<String> tags = InputRules.normaliseTags(command.tags());
        if (!directory.exists(command.communityId())) {
            throw notFound("UNKNOWN_COMMUNITY", "There is no community with id " + command.communityId() + ".");
        }
        directory.requireActiveMember(command.communityId(), command.actorId(), command.occurredAt());
        apply(new ArticlePublished(command.articleId(), command.communityId(), title, body, tags,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(EditArticle command, CommunityDirectory directory, Privileges privileges) {
        String newTitle = InputRules.requireText(command.title(), "title", Limits.TITLE_MIN, Limits.TITLE_MAX);
        String newBody = InputRules.requireText(command.body(), "body", Limits.BODY_MIN, Limits.BODY_MAX);
        List<String> newTags = InputRules.normaliseTags(command.tags());
        String comment = InputRules.optionalText(command.comment(), "comment", EDIT_COMMENT_MAX);
        requireNotDeleted();
        directory.requireActiveMember(communityId, command.actorId(), command.occurredAt());
        if (!authorId.equals(command.actorId())) {
            privileges.require(communityId, command.actorId(), Privilege.EDIT_OTHERS_POSTS);
        }
        List<String> changed = new ArrayList<>();
        if (!title.equals(newTitle)) {
            changed.add("title");
        }
        if (!body.equals(newBody)) {
            changed.add("body");
        }
        if (!tags.equals(newTags)) {
            changed.add("tags");
        }
        if (changed.isEmpty()) {
            throw invalid("NOTHING_CHANGED", "The edit changes nothing.");
        }
        apply(new ArticleEdited(articleId, communityId, authorId, revision + 1, newTitle, newBody, newTags, changed,
                comment, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(DeleteArticle command, Privileges privileges) {
        String reason = InputRules.optionalText(command.reason(), "reason", REASON_MAX);
        requireNotDeleted();
        if (!authorId.equals(command.actorId()) && !privileges.holds(communityId, command.actorId(), Privilege.MODERATION_TOOLS)) {
            throw forbidden("NOT_THE_AUTHOR", "Only the article's author or a moderator can delete it.");
        }
        apply(new ArticleDeleted(articleId, communityId, authorId, reason, command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(ArticlePublished event) {
        articleId = event.articleId();
        communityId = event.communityId();
        authorId = event.actorId();
        title = event.title();
        body = event.body();
        tags = new ArrayList<>(event.tags());
        revision = 1;
    }

    @EventSourcingHandler
    void on(ArticleEdited event) {
        title = event.title();
        body = event.body();
        tags = new ArrayList<>(event.tags());
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(ArticleDeleted event) {
        deleted = true;
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw conflict("POST_DELETED", "This article is deleted.");
        }
    }

}
