package io.batchbench.framework.mybatis;

import java.util.List;

import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

/** The paging statements of {@code OrderMapper.xml}, bound by MyBatis to this interface's names. */
interface OrderMapper {

    List<Order> offsetPage(@Param("offset") long offset, @Param("pageSize") int pageSize);

    List<Order> keysetPage(@Param("afterId") long afterId, @Param("pageSize") int pageSize);

    /** Every row in key order, streamed; only valid while its session's transaction is open. */
    Cursor<Order> all();
}
