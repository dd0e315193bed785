package dev.praxis.gateway.relay;

import dev.praxis.api.query.AnswerView;
import dev.praxis.api.query.ArticleView;
import dev.praxis.api.query.CommentView;
import dev.praxis.api.query.CommunityView;
import dev.praxis.api.query.MemberView;
import dev.praxis.api.query.QuestionView;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** The object types that implement {@code Node}: their GraphQL name and the view that backs them. */
public enum NodeType {

    COMMUNITY("Community", CommunityView.class, view -> ((CommunityView) view).id()),
    QUESTION("Question", QuestionView.class, view -> ((QuestionView) view).id()),
    ANSWER("Answer", AnswerView.class, view -> ((AnswerView) view).id()),
    MEMBER("Member", MemberView.class, view -> ((MemberView) view).id()),
    ARTICLE("Article", ArticleView.class, view -> ((ArticleView) view).id()),
    COMMENT("Comment", CommentView.class, view -> ((CommentView) view).id());

    private final String graphQlName;
    private final Class<?> viewType;
    private final Function<Object, String> rawId;

    NodeType(String graphQlName, Class<?> viewType, Function<Object, String> rawId) {
        this.graphQlName = graphQlName;
        this.viewType = viewType;
        this.rawId = rawId;
    }

    /** The id the backend services know a view of this type by. */
    public String rawIdOf(Object view) {
        return rawId.apply(view);
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
