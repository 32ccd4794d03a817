package io.batchbench.workload.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.batchbench.fixtures.TestServers;
import io.batchbench.fixtures.db.ServerHandoff;
import io.batchbench.framework.FrameworkSettings;
import io.batchbench.trial.Frameworks;
import io.batchbench.trial.Trial;
import io.batchbench.workload.OrderRow;

/**
 * Every framework × strategy reads exactly what the JDBC reference reads: the same rows, with
 * the same values, each once, in key order. The table size (1,037) is not a multiple of the
 * page sizes, so the short last page is exercised, and one page size is larger than the table.
 */
class PagingCorrectnessTest {

    private static final long ROWS = 1_037;
    private static final int[] PAGE_SIZES = {1, 100, 5_000};

    private static Trial reference;
    private static List<OrderRow> expected;

    @BeforeAll
    static void readTheReference() {
        reference = Trial.open(handoff(), Frameworks.JDBC, ROWS, new FrameworkSettings(100));
        expected = new ArrayList<>();
        scanWith(reference, ScanStrategy.KEYSET, 100).forEach(expected::add);
        assertThat(expected).hasSize((int) ROWS);
        assertThat(expected.getFirst().id()).isEqualTo(1);
        assertThat(expected.getLast().id()).isEqualTo(ROWS);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static Stream<Arguments> scans() {
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(ScanStrategy.values())
                .flatMap(strategy -> java.util.Arrays.stream(PAGE_SIZES)
                        .mapToObj(pageSize -> Arguments.of(framework, strategy, pageSize))));
    }

    static Stream<Arguments> pages() {
        long[] depths = {0, 1, 500, ROWS - 37, ROWS - 1};
        return Stream.of(Frameworks.values()).flatMap(framework -> Stream.of(PageStrategy.values())
                .flatMap(strategy -> java.util.Arrays.stream(depths)
                        .mapToObj(depth -> Arguments.of(framework, strategy, depth))));
    }

    @ParameterizedTest(name = "{0} {1} scan, page size {2}")
    @MethodSource("scans")
    void aFullScanVisitsEveryRowOnceInKeyOrder(Frameworks framework, ScanStrategy strategy, int pageSize) {
        try (Trial trial = Trial.open(handoff(), framework, ROWS, new FrameworkSettings(pageSize))) {
            assertThat(scanWith(trial, strategy, pageSize)).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1} page at depth {2}")
    @MethodSource("pages")
    void aPageAtDepthHoldsTheRowsAfterThatPosition(Frameworks framework, PageStrategy strategy, long depth) {
        int pageSize = 100;
        try (Trial trial = Trial.open(handoff(), framework, ROWS, new FrameworkSettings(pageSize))) {
            long afterId = depth == 0 ? 0 : trial.idAtPosition(depth - 1);

            List<OrderRow> page = toOrderRows(trial.framework().paging(),
                    strategy.page(trial.framework().paging(), depth, afterId, pageSize));

            assertThat(page).containsExactlyElementsOf(
                    expected.subList((int) depth, (int) Math.min(ROWS, depth + pageSize)));
        }
    }

    private static List<OrderRow> scanWith(Trial trial, ScanStrategy strategy, int pageSize) {
        return scan(trial.framework().paging(), strategy, pageSize);
    }

    private static <T> List<OrderRow> scan(Paging<T> paging, ScanStrategy strategy, int pageSize) {
        List<OrderRow> rows = new ArrayList<>();
        strategy.scan(paging, pageSize, (id, row) -> {
            OrderRow orderRow = paging.toOrderRow(row).inUtc();
            assertThat(orderRow.id()).isEqualTo(id);
            rows.add(orderRow);
        });
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<OrderRow> toOrderRows(Paging<T> paging, List<?> page) {
        return page.stream().map(row -> paging.toOrderRow((T) row).inUtc()).toList();
    }

    private static ServerHandoff handoff() {
        return new ServerHandoff("pagingtest", TestServers.embedded());
    }
}
