/**
 * The Praxis message contract, shared by every service.
 *
 * <p>Commands are imperative ({@code AskQuestion}), events are past tense ({@code QuestionAsked}).
 * Events are the permanent, public record that auditors read years later: every event names the
 * member who acted ({@code actorId}) and the moment it happened in the world ({@code occurredAt};
 * an imported event keeps its original time). An event class changes only through a new
 * {@code @Revision} and an upcaster, never in place.
 */
package dev.praxis.api;
