package dev.praxis.api.shared;

import java.util.List;

/**
 * The command service's answer to an accepted command: the aggregates it touched and the global
 * position of the last event it wrote (-1 when it wrote none). A reader that waits until the query
 * side has processed {@code position} sees the command's effect.
 */
public record CommandResult(List<String> ids, long position) {
}
