package dev.praxis.query.shared;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Tells a projection's handler whether the event in hand can have reached that projection before.
 *
 * <p>A tracking processor hands an event to its handlers a second time only when an earlier batch
 * holding it did not end with a stored token (an error, a crash, a lost claim). So before a batch
 * runs, the processor's <em>horizon</em>, the highest position it has ever handed to its handlers,
 * is raised to the batch's last position in one atomic write that also answers the horizon before.
 * An event beyond that earlier horizon is new to the projection: {@link AppliedEvents} then writes
 * by {@code _id} alone. An event at or below it (a retried batch, or an event committed late into a
 * gap) takes the checked path that looks for the event's id in the document. The horizon lives
 * beside the read models, so dropping the read database forgets it together with what it guards;
 * a horizon that is too high only costs speed, never correctness.
 *
 * <p>The horizon is raised when a handler first asks ({@link #firstDelivery}), not before every
 * batch: a batch whose handlers only set fields (an idempotent write needs no answer) costs no write
 * here. That is safe because only a handler that asked can have written by {@code _id} alone, and
 * it asked, and so raised the horizon over its whole batch, before that write. Live, where a batch
 * is often one event, most processors' batches never ask.
 *
 * <p>While this instance holds the processor's segment without a break ({@link Claims}), no other
 * instance hands its events, so what this one handed is known here and the horizon before a batch is
 * answered from memory. The stored horizon must still cover every event handed before it is written
 * by {@code _id} alone (a successor after a crash reads it), so it is raised {@value #LEAP} positions
 * past the batch, and written again only when a batch goes beyond that: live, one write per
 * processor every hundred positions instead of one per batch (6 of the 41 MongoDB commands a
 * mutation cost at one writing client). A successor then checks at most {@value #LEAP} positions more
 * than it had to, which only costs speed.
 *
 * <p>It also opens the batch's {@link PendingWrites} with the first event and sends them after the
 * last, before the processor stores its token.
 *
 * <p>Why it matters: the filter "this {@code _id} and not yet this event" is a point lookup on a
 * real MongoDB, but the embedded server uses an index only for a filter on exactly the indexed
 * fields, so it scanned the whole collection for every update (2.1 ms against 0.2 ms by
 * {@code _id} at 5,000 documents, and growing with the collection).
 */
public final class DeliveryHorizon implements MessageHandlerInterceptor<EventMessage<?>> {

    public static final String COLLECTION = "delivery_horizons";
    private static final ThreadLocal<Delivery> DELIVERY = new ThreadLocal<>();
    private static final String BATCH_RESOURCE = DeliveryHorizon.class.getName() + ".before";

    /** How far past a batch the stored horizon is raised while this instance knows what it handed. */
    public static final int LEAP = 100;

    private final String processor;
    private final MongoTemplate mongo;
    private final Claims claims;
    private final String segmentResource;
    /** What this instance handed, by segment, under the claim it holds without a break. */
    private final Map<Integer, Handed> handed = new ConcurrentHashMap<>();

    /** A horizon read and raised in MongoDB before every batch that asks. */
    public DeliveryHorizon(String processor, MongoTemplate mongo) {
        this(processor, mongo, Claims.UNKNOWN);
    }

    /** A horizon kept in memory while {@code claims} shows the processor's segment held without a break. */
    public DeliveryHorizon(String processor, MongoTemplate mongo, Claims claims) {
        this.processor = processor;
        this.mongo = mongo;
        this.claims = claims;
        // where Axon's tracking processor keeps the segment of a batch's unit of work
        this.segmentResource = "Processor[" + processor + "]/SegmentId";
    }

    /** Whether the event being handled on this thread cannot have reached this projection before. */
    public static boolean firstDelivery() {
        Delivery delivery = DELIVERY.get();
        return delivery != null && delivery.first();
    }

    /** The event being handled on this thread, for work done for it later in the batch ({@link #during}). */
    static Delivery current() {
        return DELIVERY.get();
    }

    /**
     * Runs work for an event handled earlier in the batch (an answer that came after the batch moved
     * on) as the handling of that event: {@link #firstDelivery} answers for it, not for the event in
     * hand.
     */
    static void during(Delivery delivery, Runnable work) {
        Delivery previous = DELIVERY.get();
        set(delivery);
        try {
            work.run();
        } finally {
            set(previous);
        }
    }

    private static void set(Delivery delivery) {
        if (delivery == null) {
            DELIVERY.remove();
        } else {
            DELIVERY.set(delivery);
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        boolean first = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isFirstMessage();
        boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        if (first) {
            PendingWrites.open();
        }
        Delivery previous = DELIVERY.get();
        DELIVERY.set(new Delivery(position(unitOfWork.getMessage()),
                () -> unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> raise(unitOfWork))));
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception | Error failed) {
            // the batch fails and is handed over again: what it gathered is written then, checked
            PendingWrites.discard();
            throw failed;
        } finally {
            set(previous);
        }
        if (last) {
            // still inside the batch's unit of work: the token is stored only after these writes
            PendingWrites.close();
        }
        return result;
    }

    /** Raises the horizon to the batch's last position; answers the horizon before (Long.MAX_VALUE: unknown). */
    private long raise(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        long last = -1;
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            for (EventMessage<?> message : ((BatchingUnitOfWork<? extends EventMessage<?>>) batch).getMessages()) {
                last = Math.max(last, position(message));
            }
        } else {
            last = position(unitOfWork.getMessage());
        }
        if (last < 0) {
            return Long.MAX_VALUE; // no position known: every event takes the checked path
        }
        Integer segment = unitOfWork.getResource(segmentResource);
        long claim = segment == null ? -1 : claims.unbrokenClaim(processor, segment);
        if (claim < 0) {
            if (segment != null) {
                handed.remove(segment); // what this batch hands is known to the store alone
            }
            return raiseStored(last);
        }
        Handed known = handed.get(segment);
        if (known == null || known.claim != claim) {
            // a new claim: another instance may have handed events since; the store knows
            long before = raiseStored(last + LEAP);
            handed.put(segment, new Handed(claim, Math.max(before, last), Math.max(before, last + LEAP)));
            return before;
        }
        long before = known.position;
        if (last > known.stored) {
            mongo.upsert(query(where("_id").is(processor)), new Update().max("position", last + LEAP), COLLECTION);
            known.stored = last + LEAP;
        }
        known.position = Math.max(known.position, last);
        return before;
    }

    /** Raises the stored horizon to {@code position}; answers the one before (-1: none). */
    private long raiseStored(long position) {
        Document before = mongo.findAndModify(query(where("_id").is(processor)), new Update().max("position", position),
                FindAndModifyOptions.options().upsert(true).returnNew(false), Document.class, COLLECTION);
        if (before == null || before.get("position") == null) {
            return -1;
        }
        return ((Number) before.get("position")).longValue();
    }

    /**
     * Under one claim: the highest position handed to the handlers (as far as this instance can
     * tell: at first the stored horizon, which may be higher), and a position the stored horizon is
     * known to have reached. Used by the segment's one processor thread.
     */
    private static final class Handed {

        private final long claim;
        private long position;
        private long stored;

        Handed(long claim, long position, long stored) {
            this.claim = claim;
            this.position = position;
            this.stored = stored;
        }
    }

    /** The event in hand; whether it is new to the projection is found out (and the horizon raised) when first asked. */
    static final class Delivery {

        private final long position;
        private final LongSupplier horizonBefore;
        private Boolean first;

        Delivery(long position, LongSupplier horizonBefore) {
            this.position = position;
            this.horizonBefore = horizonBefore;
        }

        boolean first() {
            if (first == null) {
                first = position > horizonBefore.getAsLong();
            }
            return first;
        }
    }

    private static long position(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            return tracked.trackingToken().position().orElse(-1);
        }
        return -1;
    }
}
