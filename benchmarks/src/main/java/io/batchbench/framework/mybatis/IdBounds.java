package io.batchbench.framework.mybatis;

/** The smallest and largest matching id, null when none matches: public, as MyBatis constructs it reflectively. */
public record IdBounds(Long lowest, Long highest) {
}
