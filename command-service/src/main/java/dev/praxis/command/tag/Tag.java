package dev.praxis.command.tag;

import static dev.praxis.command.shared.CommandRejectedException.conflict;
import static dev.praxis.command.shared.CommandRejectedException.invalid;
import static dev.praxis.command.shared.CommandRejectedException.notFound;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.praxis.api.member.ProfileLimits;
import dev.praxis.api.privilege.Privilege;
import dev.praxis.api.tag.AddTagSynonym;
import dev.praxis.api.tag.CreateTag;
import dev.praxis.api.tag.EditTagDescription;
import dev.praxis.api.tag.RemoveTagSynonym;
import dev.praxis.api.tag.TagCreated;
import dev.praxis.api.tag.TagDescriptionEdited;
import dev.praxis.api.tag.TagIds;
import dev.praxis.api.tag.TagSynonymAdded;
import dev.praxis.api.tag.TagSynonymRemoved;
import dev.praxis.command.community.CommunityDirectory;
import dev.praxis.command.privilege.Privileges;
import dev.praxis.command.shared.InputRules;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A tag of one community, with its description and the synonyms that map to it; its id is
 * {@link TagIds#of}. A tag may also come into being without this aggregate, when a question carries
 * it first (see {@link JdbcTagDirectory}): every command therefore creates the aggregate when it is
 * missing and consults the {@link TagDirectory} for whether the tag exists.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger")
public class Tag {

    @AggregateIdentifier
    private String tagId;
    private String description;
    private Set<String> synonyms = new HashSet<>();

    public Tag() {
        // for Axon, and for commands that create the aggregate when it is missing
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateTag command, CommunityDirectory communities, Privileges privileges, TagDirectory tags) {
        Target target = target(command.tagId(), command.communityId(), command.name(), communities, command.actorId(),
                command.occurredAt());
        String description = InputRules.optionalText(command.description(), "description", ProfileLimits.TAG_DESCRIPTION_MAX);
        if (tags.masterOf(target.communityId, target.name).isPresent()) {
            throw conflict("TAG_IS_SYNONYM", "'" + target.name + "' is a synonym of the tag '"
                    + tags.masterOf(target.communityId, target.name).get() + "'.");
        }
        if (tagId != null || tags.exists(target.communityId, target.name)) {
            throw conflict("TAG_EXISTS", "The tag '" + target.name + "' exists already in this community.");
        }
        privileges.require(target.communityId, command.actorId(), Privilege.CREATE_TAG);
        apply(new TagCreated(target.tagId, target.communityId, target.name, description, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EditTagDescription command, CommunityDirectory communities, Privileges privileges, TagDirectory tags) {
        Target target = existing(command.tagId(), command.communityId(), command.name(), communities, command.actorId(),
                command.occurredAt(), tags);
        String description = InputRules.optionalText(command.description(), "description", ProfileLimits.TAG_DESCRIPTION_MAX);
        privileges.require(target.communityId, command.actorId(), Privilege.EDIT_OTHERS_POSTS);
        if (tagId != null && Objects.equals(this.description, description)) {
            throw conflict("DESCRIPTION_UNCHANGED", "The tag has this description already.");
        }
        apply(new TagDescriptionEdited(target.tagId, target.communityId, target.name, description,
                command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AddTagSynonym command, CommunityDirectory communities, Privileges privileges, TagDirectory tags) {
        Target target = existing(command.tagId(), command.communityId(), command.name(), communities, command.actorId(),
                command.occurredAt(), tags);
        String synonym = TagNames.tag(command.synonym());
        if (synonym.equals(target.name)) {
            throw invalid("SYNONYM_OF_ITSELF", "A tag cannot be a synonym of itself.");
        }
        privileges.require(target.communityId, command.actorId(), Privilege.EDIT_TAG_SYNONYMS);
        if (tags.masterOf(target.communityId, target.name).isPresent()) {
            throw conflict("SYNONYM_CHAIN", "'" + target.name + "' is itself a synonym of '"
                    + tags.masterOf(target.communityId, target.name).get() + "': add the synonym to that tag.");
        }
        if (synonyms.contains(synonym)) {
            throw conflict("ALREADY_SYNONYM", "'" + synonym + "' is already a synonym of this tag.");
        }
        if (tags.masterOf(target.communityId, synonym).isPresent()) {
            throw conflict("SYNONYM_TAKEN", "'" + synonym + "' is already a synonym of the tag '"
                    + tags.masterOf(target.communityId, synonym).get() + "'.");
        }
        if (tags.hasSynonyms(target.communityId, synonym)) {
            throw conflict("SYNONYM_CHAIN", "'" + synonym + "' has synonyms of its own and cannot become a synonym.");
        }
        apply(new TagSynonymAdded(target.tagId, target.communityId, target.name, synonym, command.actorId(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RemoveTagSynonym command, CommunityDirectory communities, Privileges privileges, TagDirectory tags) {
        Target target = existing(command.tagId(), command.communityId(), command.name(), communities, command.actorId(),
                command.occurredAt(), tags);
        String synonym = TagNames.tag(command.synonym());
        privileges.require(target.communityId, command.actorId(), Privilege.EDIT_TAG_SYNONYMS);
        if (!synonyms.contains(synonym)) {
            throw notFound("UNKNOWN_SYNONYM", "'" + synonym + "' is not a synonym of the tag '" + target.name + "'.");
        }
        apply(new TagSynonymRemoved(target.tagId, target.communityId, target.name, synonym, command.actorId(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(TagCreated event) {
        tagId = event.tagId();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TagDescriptionEdited event) {
        tagId = event.tagId();
        description = event.description();
    }

    @EventSourcingHandler
    void on(TagSynonymAdded event) {
        tagId = event.tagId();
        synonyms.add(event.synonym());
    }

    @EventSourcingHandler
    void on(TagSynonymRemoved event) {
        tagId = event.tagId();
        synonyms.remove(event.synonym());
    }

    private record Target(String tagId, String communityId, String name) {
    }

    /** Checks the ids, the community and the actor's membership; the tag need not exist. */
    private static Target target(String tagId, String communityId, String rawName, CommunityDirectory communities,
                                 String actorId, java.time.Instant at) {
        InputRules.requireId(communityId, "communityId");
        String name = TagNames.tag(rawName);
        if (!TagIds.of(communityId, name).equals(tagId)) {
            throw invalid("TAG_ID_MISMATCH", "The tagId must be the community id, a slash and the tag's name.");
        }
        if (!communities.exists(communityId)) {
            throw notFound("UNKNOWN_COMMUNITY", "There is no community with id " + communityId + ".");
        }
        communities.requireActiveMember(communityId, actorId, at);
        return new Target(tagId, communityId, name);
    }

    /** As {@link #target}, and the tag must exist and not be a synonym of another. */
    private Target existing(String tagId, String communityId, String rawName, CommunityDirectory communities,
                            String actorId, java.time.Instant at, TagDirectory tags) {
        Target target = target(tagId, communityId, rawName, communities, actorId, at);
        if (this.tagId == null && !tags.exists(target.communityId, target.name)) {
            throw notFound("UNKNOWN_TAG", "There is no tag '" + target.name + "' in this community.");
        }
        return target;
    }
}
