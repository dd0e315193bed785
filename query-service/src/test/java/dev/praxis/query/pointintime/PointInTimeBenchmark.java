package dev.praxis.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.praxis.api.community.CommunityCreated;
import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberJoinedCommunity;
import dev.praxis.api.shared.PraxisEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The time of a point-in-time read of a question with 1,000 events (answers, votes cast, turned and
 * taken back, edits, accepts, endorsements, deletions, closing, locking), over HTTP against the
 * query service on the embedded stores, next to the present-state read of the same question (the
 * question and its answers from the read model) in the same run. The point-in-time cache is off, so
 * every read folds the events again. Run only on demand:
 * <pre>
 * mvn -o -B -q -pl query-service -am test -Dtest=PointInTimeBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dpraxis.bench=true
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"praxis.query.consistency-timeout=60s", "praxis.query.point-in-time.cache-size=0"})
class PointInTimeBenchmark extends EventStoreFixture {

    private static final int EVENTS = 1_000;
    private static final int WARM_UP = 50;
    private static final int RUNS = 200;

    @BeforeAll
    static void onlyOnDemand() {
        assumeTrue(Boolean.getBoolean("praxis.bench"), "a benchmark: run with -Dpraxis.bench=true");
    }

    @Test
    void aPointInTimeReadOfAQuestionWithAThousandEvents() throws Exception {
        Instant t = base();
        String c = "c-" + UUID.randomUUID();
        String q = "q-" + UUID.randomUUID();
        List<String> members = new ArrayList<>();
        append(c, new CommunityCreated(c, "Benchmark Guild", null, null, "m0", t), t);
        for (int i = 0; i < 40; i++) {
            members.add("m" + i);
            append(c, new MemberJoinedCommunity(c, "m" + i, "Member " + i, i == 0 ? CommunityRole.OWNER : CommunityRole.MEMBER,
                    "m" + i, t), t);
        }
        QuestionAsOfTest.History history = new QuestionAsOfTest.History(q, c, members, new Random(1000), t);
        List<Instant> times = new ArrayList<>();
        long last = append(q, history.ask(), history.now);
        times.add(history.now);
        for (int i = 1; i < EVENTS; i++) {
            PraxisEvent event = history.next();
            last = append(q, event, event.occurredAt());
            times.add(event.occurredAt());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, q))
                .isEqualTo(EVENTS);
        awaitProjections(last);
        ArrayNode ids = JSON.createArrayNode();
        history.answers.forEach(ids::add);
        String answers = "{\"ids\": " + ids + "}";
        Instant end = times.get(times.size() - 1);
        Random random = new Random(7);

        JsonNode full = get("/pointintime/questions/" + q + "?asOf=" + end);
        assertThat(full.get("question")).isEqualTo(get("/questions/" + q));

        double[] atEnd = measure(() -> get("/pointintime/questions/" + q + "?asOf=" + end));
        double[] atRandom = measure(() -> get("/pointintime/questions/" + q + "?asOf=" + times.get(random.nextInt(times.size()))));
        double[] present = measure(() -> {
            get("/questions/" + q);
            return post("/answers/batch", answers);
        });
        System.out.printf("%nPointInTimeBenchmark: question with %d events, %d answers, %d runs each (after %d warm-up)%n",
                EVENTS, history.answers.size(), RUNS, WARM_UP);
        print("asOf the last event (all 1,000 events folded)", atEnd);
        print("asOf a random moment of its history", atRandom);
        print("baseline: present read (question + answers batch)", present);
    }

    private static double[] measure(Callable<?> read) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            read.call();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            read.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static void print(String what, double[] sorted) {
        System.out.printf("  %-52s median %7.2f ms   p90 %7.2f ms   max %7.2f ms%n", what,
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.9) - 1], sorted[sorted.length - 1]);
    }
}
