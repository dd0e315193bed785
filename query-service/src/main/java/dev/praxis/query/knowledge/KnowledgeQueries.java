package dev.praxis.query.knowledge;

import dev.praxis.api.query.ExpertSuggestionView;
import dev.praxis.api.query.ExpertView;
import dev.praxis.api.query.ExpertiseView;
import dev.praxis.api.query.KnowledgeConnectionView;
import dev.praxis.api.query.KnowledgeRelatedTopicView;
import dev.praxis.api.query.Page;
import dev.praxis.query.consistency.ReadConsistency;
import dev.praxis.query.shared.QueryRejectedException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The knowledge graph's reads; {@code viewer} is the signed-in member (absent: anonymous). */
@RestController
public class KnowledgeQueries {

    private final KnowledgeGraph graph;
    private final ReadConsistency consistency;

    public KnowledgeQueries(KnowledgeGraph graph, ReadConsistency consistency) {
        this.graph = graph;
        this.consistency = consistency;
    }

    @GetMapping("/communities/{communityId}/experts")
    public Page<ExpertView> experts(@PathVariable String communityId, @RequestParam(required = false) List<String> topic,
                                    @RequestParam(required = false) String viewer,
                                    @RequestParam(required = false) Integer first, @RequestParam(required = false) String after,
                                    @RequestParam(required = false) Integer evidence,
                                    @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return graph.experts(communityId, topic, viewer, first, after, evidence);
    }

    @GetMapping("/questions/{questionId}/suggested-answerers")
    public Page<ExpertSuggestionView> suggestedAnswerers(@PathVariable String questionId,
                                                         @RequestParam(required = false) String viewer,
                                                         @RequestParam(required = false) Integer first,
                                                         @RequestParam(required = false) String after,
                                                         @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return graph.suggestedAnswerers(questionId, viewer, first, after);
    }

    @GetMapping("/communities/{communityId}/topics/{topic}/related")
    public Page<KnowledgeRelatedTopicView> relatedTopics(@PathVariable String communityId, @PathVariable String topic,
                                                         @RequestParam(required = false) String viewer,
                                                         @RequestParam(required = false) Integer first,
                                                         @RequestParam(required = false) String after,
                                                         @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return graph.relatedTopics(communityId, topic, viewer, first, after);
    }

    @GetMapping("/members/{memberId}/expertise")
    public Page<ExpertiseView> expertise(@PathVariable String memberId, @RequestParam(required = false) String viewer,
                                         @RequestParam(required = false) Integer first,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) Integer evidence,
                                         @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return graph.expertiseProfile(memberId, viewer, first, after, evidence);
    }

    /** A short path between two members, or 404 {@code NO_CONNECTION}. */
    @GetMapping("/members/{memberId}/connection/{otherMemberId}")
    public KnowledgeConnectionView connection(@PathVariable String memberId, @PathVariable String otherMemberId,
                                              @RequestParam(required = false) String viewer,
                                              @RequestParam(required = false) Long minPosition) {
        consistency.awaitPosition(minPosition);
        return graph.connection(memberId, otherMemberId, viewer).orElseThrow(() -> QueryRejectedException.notFound(
                "NO_CONNECTION", "No short path joins these members through topics and threads you may see."));
    }
}
