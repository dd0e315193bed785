package dev.praxis.query.scaling;

/**
 * The time each projection's handlers take on this instance ({@value #METRIC}, a timer tagged with
 * the processor): where the projections' work goes, and what a replay balances its threads by.
 */
public final class ProcessorTimes {

    public static final String METRIC = "praxis.projection.handling";

    private ProcessorTimes() {
    }
}
