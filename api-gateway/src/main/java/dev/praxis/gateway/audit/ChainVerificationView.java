package dev.praxis.gateway.audit;

/** The command service's verification report ({@code GET /audit/verify}), as the GraphQL type {@code ChainVerification}. */
record ChainVerificationView(long fromPosition, long toPosition, long eventsChecked, long checkpointsChecked,
                             long brokenLinks, BrokenLinkView firstBroken) {

    boolean intact() {
        return brokenLinks == 0;
    }

    /** One broken link, as the GraphQL type {@code BrokenLink}. */
    record BrokenLinkView(long position, String eventId, String aggregateId, Long sequence, String problem,
                          String description, String expected, String found) {
    }
}
