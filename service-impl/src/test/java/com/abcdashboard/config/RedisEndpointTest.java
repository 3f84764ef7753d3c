package com.abcdashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.abcdashboard.config.RedisEndpoint.Node;
import com.abcdashboard.config.RedisEndpoint.Topology;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void aSingleServerUrlTakesItsDefaultsFromRedis() {
        RedisEndpoint redis = RedisEndpoint.parse("redis://cache");

        assertThat(redis.topology()).isEqualTo(Topology.SINGLE);
        assertThat(redis.tls()).isFalse();
        assertThat(redis.nodes()).containsExactly(new Node("cache", 6379));
        assertThat(redis.database()).isZero();
        assertThat(redis.username()).isEmpty();
        assertThat(redis.password()).isEmpty();
        assertThat(redis.address(redis.nodes().get(0))).isEqualTo("redis://cache:6379");
    }

    @Test
    void userPasswordAndDatabaseAreReadAndThePasswordMayBePercentEncoded() {
        RedisEndpoint redis = RedisEndpoint.parse("rediss://api:p%40ss+w%3Ard@cache:6380/2");

        assertThat(redis.tls()).isTrue();
        assertThat(redis.username()).contains("api");
        assertThat(redis.password()).contains("p@ss+w:rd");
        assertThat(redis.database()).isEqualTo(2);
        assertThat(redis.address(redis.nodes().get(0))).isEqualTo("rediss://cache:6380");
        assertThat(redis.toString()).isEqualTo("rediss://api:***@cache:6380/2").doesNotContain("p%40ss");
    }

    @Test
    void aSentinelUrlNamesTheSentinelsAndTheMaster() {
        RedisEndpoint redis = RedisEndpoint.parse("redis-sentinel://:secret@s1,s2:26380,[::1]:26381/mymaster/1");

        assertThat(redis.topology()).isEqualTo(Topology.SENTINEL);
        assertThat(redis.nodes()).containsExactly(new Node("s1", 26379), new Node("s2", 26380), new Node("::1", 26381));
        assertThat(redis.masterName()).contains("mymaster");
        assertThat(redis.database()).isEqualTo(1);
        assertThat(redis.password()).contains("secret");
        assertThat(redis.address(redis.nodes().get(2))).isEqualTo("redis://[::1]:26381");
    }

    @Test
    void aClusterUrlListsSeedNodes() {
        RedisEndpoint redis = RedisEndpoint.parse("rediss-cluster://n1:7000,n2:7001");

        assertThat(redis.topology()).isEqualTo(Topology.CLUSTER);
        assertThat(redis.tls()).isTrue();
        assertThat(redis.nodes()).containsExactly(new Node("n1", 7000), new Node("n2", 7001));
        assertThat(redis.masterName()).isEmpty();
    }
}
