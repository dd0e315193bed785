package dev.praxis.gateway.relay;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import java.util.Arrays;
import java.util.Optional;

/** The object types that implement {@code Node}: their GraphQL name and the view that backs them. */
public enum NodeType {

    COMMUNITY("Community", CommunityView.class),
    QUESTION("Question", QuestionView.class),
    ANSWER("Answer", AnswerView.class),
    MEMBER("Member", MemberView.class),
    ARTICLE("Article", ArticleView.class),
    COMMENT("Comment", CommentView.class);

    private final String graphQlName;
    private final Class<?> viewType;

    NodeType(String graphQlName, Class<?> viewType) {
        this.graphQlName = graphQlName;
        this.viewType = viewType;
    }

    /** The GraphQL object type name, which is also the prefix inside a global id. */
    public String graphQlName() {
        return graphQlName;
    }

    public Class<?> viewType() {
        return viewType;
    }

    static Optional<NodeType> byGraphQlName(String name) {
        return Arrays.stream(values()).filter(type -> type.graphQlName.equals(name)).findFirst();
    }
}
