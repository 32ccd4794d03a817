package io.batchbench.framework.springdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.Repository;

import io.batchbench.audit.WireCounts;
import io.batchbench.jpa.OrderEntity;
import io.batchbench.jpa.OrdersPersistenceUnit;

/**
 * A {@code Page} knows how many rows the whole query has, so {@code findAll(Pageable)} runs a
 * {@code select count(*)} with every page that comes back full: reading a table page by page
 * counts the table once a page. A {@code Slice} and a keyset {@code Window} know only whether
 * another page follows, by asking for one row more, and count nothing. The clone holds 10 rows;
 * pages of 3 are 3 full pages and a short one.
 */
class PageCountsEveryPageTest {

    private static final int ROWS = 10;
    private static final int PAGE_SIZE = 3;
    private static final int PAGES = 4;
    private static final Sort BY_ID = Sort.by("id");

    interface SlicedOrders extends Repository<OrderEntity, Long> {
        Slice<OrderEntity> findAllBy(Pageable pageable);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableJpaRepositories(considerNestedRepositories = true, basePackageClasses = PageCountsEveryPageTest.class,
            includeFilters = @ComponentScan.Filter(classes = SlicedOrders.class, type = FilterType.ASSIGNABLE_TYPE))
    static class Repositories {
    }

    private static RelayedSpringData springData;
    private static OrderRepository orders;

    @BeforeAll
    static void boot() {
        springData = new RelayedSpringData("pagecounttest", null, OrdersPersistenceUnit.configuration(),
                Repositories.class);
        orders = springData.bean(OrderRepository.class);
    }

    @AfterAll
    static void close() {
        if (springData != null) {
            springData.close();
        }
    }

    @Test
    void aPageCountsTheTableWithEveryFullPage() {
        List<Long> ids = new ArrayList<>();

        WireCounts sent = readOnly(() -> {
            Page<OrderEntity> page = orders.findAll(PageRequest.of(0, PAGE_SIZE, BY_ID));
            page.forEach(order -> ids.add(order.getId()));
            while (page.hasNext()) {
                page = orders.findAll(page.nextPageable());
                page.forEach(order -> ids.add(order.getId()));
            }
        });

        assertThat(ids).hasSize(ROWS).isSorted();
        assertThat(sent.count("SELECT")).as("a page and a count per full page, a page alone for the short one")
                .isEqualTo(PAGES + (PAGES - 1));
    }

    @Test
    void aSliceCountsNothing() {
        SlicedOrders sliced = springData.bean(SlicedOrders.class);
        List<Long> ids = new ArrayList<>();

        WireCounts sent = readOnly(() -> {
            Slice<OrderEntity> slice = sliced.findAllBy(PageRequest.of(0, PAGE_SIZE, BY_ID));
            slice.forEach(order -> ids.add(order.getId()));
            while (slice.hasNext()) {
                slice = sliced.findAllBy(slice.nextPageable());
                slice.forEach(order -> ids.add(order.getId()));
            }
        });

        assertThat(ids).hasSize(ROWS).isSorted();
        assertThat(sent.count("SELECT")).as("a query per page, nothing else").isEqualTo(PAGES);
    }

    @Test
    void aKeysetWindowCountsNothing() {
        List<Long> ids = new ArrayList<>();

        WireCounts sent = readOnly(() -> {
            Window<OrderEntity> window = orders.findAllByOrderByIdAsc(ScrollPosition.keyset(), Limit.of(PAGE_SIZE));
            window.forEach(order -> ids.add(order.getId()));
            while (window.hasNext()) {
                window = orders.findAllByOrderByIdAsc(window.positionAt(window.size() - 1), Limit.of(PAGE_SIZE));
                window.forEach(order -> ids.add(order.getId()));
            }
        });

        assertThat(ids).hasSize(ROWS).isSorted();
        assertThat(sent.count("SELECT")).as("a query per page, nothing else").isEqualTo(PAGES);
    }

    /** What the page-at-depth cell sends: the page, its count, in the repository's own read-only transaction. */
    @Test
    void aSinglePageRunsItsCountInTheRepositorysOwnTransaction() {
        WireCounts sent = springData.sent(() -> assertThat(
                orders.findAll(PageRequest.of(1, PAGE_SIZE, BY_ID)).getTotalElements()).isEqualTo(ROWS));

        assertThat(sent.count("SELECT")).as("the page and its count").isEqualTo(2);
        assertThat(sent.count("BEGIN")).isEqualTo(1);
        assertThat(sent.commits()).isEqualTo(1);
    }

    private static WireCounts readOnly(Runnable read) {
        return springData.sent(() -> {
            var transaction = springData.transaction();
            transaction.setReadOnly(true);
            transaction.executeWithoutResult(status -> read.run());
        });
    }
}
