package io.batchbench.benchmark.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.trial.TrialCache;
import io.batchbench.workload.NewOrder;
import io.batchbench.workload.concurrent.ExecutorKind;
import io.batchbench.workload.concurrent.Latencies;
import io.batchbench.workload.concurrent.UnitRunner;
import io.batchbench.workload.insert.InsertCheck;
import io.batchbench.workload.insert.InsertStrategy;
import io.batchbench.workload.job.ChunkLog;
import io.batchbench.workload.job.JobCheck;
import io.batchbench.workload.job.JobSplit;
import io.batchbench.workload.job.ProcessedIds;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Whether a framework's blocking calls pin the carrier thread of a virtual thread, which would turn
 * {@code executor=virtual} into a pool of as many threads as there are carriers. JFR's
 * {@code jdk.VirtualThreadPinned} event, with no threshold, over one warm pass of the concurrent job
 * and insert on virtual threads, per framework (a cold pass would also show class initialisation,
 * which pins once and is not what a batch job pays per row). Untimed.
 *
 * <p>Until JDK 24 (JEP 491) a virtual thread that blocks inside {@code synchronized} pins its
 * carrier, so the test matters most on JDK 21: run it there with
 * {@code ./mvnw -pl benchmarks test -Dtest=VirtualThreadPinningTest -Djvm=JDK21/bin/java}. It passed
 * on JDK 21.0.13 and on 25 (docs/workloads.md): on the paths a warm unit takes, no stack blocks
 * while it holds a monitor.
 */
class VirtualThreadPinningTest {

    private static final long ROWS = 5_000;
    private static final int WORKERS = 4;
    private static final TrialCache TRIALS = new TrialCache("pinningtest");

    @TempDir
    Path folder;

    @AfterAll
    static void close() {
        TRIALS.close();
    }

    /** The control: a virtual thread that sleeps in a class initialiser pins its carrier, on every JDK. */
    @Test
    void theRecordingSeesACarrierPinnedInAClassInitialiser() throws Exception {
        List<RecordedEvent> pinned = pinnedWhile(() -> {
            try {
                Thread.ofVirtual().start(() -> SleepsInItsInitialiser.touch()).join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(pinned).isNotEmpty();
    }

    static final class SleepsInItsInitialiser {
        static {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    private List<RecordedEvent> pinnedWhile(Runnable pass) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            pass.run();
            recording.stop();
            Path file = folder.resolve("pinning-" + System.nanoTime() + ".jfr");
            recording.dump(file);
            return RecordingFile.readAllEvents(file);
        }
    }

    @ParameterizedTest
    @EnumSource(Frameworks.class)
    void noStackPinsACarrierThreadOnAWarmPass(Frameworks framework) throws Exception {
        Trial trial = TRIALS.get(framework, ROWS, new Properties(), WORKERS);
        trial.execute(ProcessedIds::create);
        JobCheck check = trial.query(JobCheck::before);
        InsertUnits insert = new InsertUnits(InsertStrategy.BATCH, NewOrder.generate(1_000), 100);
        Runnable pass = () -> {
            new UnitRunner(ExecutorKind.VIRTUAL, WORKERS).run(JobSplit.SKIP_LOCKED.units(
                    trial.framework().concurrentJob(), WORKERS, 100, new ChunkLog("pinning", nanos -> { })));
            trial.execute(check::reset);
            trial.execute(ProcessedIds::reset);
            insert.run(trial.framework(), new UnitRunner(ExecutorKind.VIRTUAL, WORKERS), new Latencies());
        };
        pass.run();

        List<RecordedEvent> pinned = pinnedWhile(pass);
        trial.execute(check::reset);
        trial.execute(ProcessedIds::reset);
        trial.execute(InsertCheck::empty);
        insert.run(trial.framework(), new UnitRunner(ExecutorKind.PLATFORM, 1), new Latencies());

        assertThat(pinned).as(() -> framework + " pinned a carrier:\n" + pinned.stream()
                .map(event -> event.getStackTrace() == null ? "(no stack)" : event.getStackTrace().getFrames().stream()
                        .limit(12).map(frame -> "  " + frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
                        .collect(Collectors.joining("\n")))
                .limit(3).collect(Collectors.joining("\n---\n"))).isEmpty();
    }
}
