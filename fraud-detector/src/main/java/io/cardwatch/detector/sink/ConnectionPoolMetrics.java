package io.cardwatch.detector.sink;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The database connection pool under the semantic conventions' names: connections in use and idle, the
 * pool's maximum, and threads waiting for a connection (a sign the database is slow or away).
 */
@Context
@Requires(beans = DataSource.class)
final class ConnectionPoolMetrics implements AutoCloseable {

    private static final AttributeKey<String> POOL = AttributeKey.stringKey("db.client.connection.pool.name");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

    private final BatchCallback callback;

    ConnectionPoolMetrics(DataSource dataSource, Meter meter) throws SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        Attributes pool = Attributes.of(POOL, hikari.getPoolName());
        ObservableLongMeasurement connections = meter.upDownCounterBuilder("db.client.connection.count")
                .setUnit("{connection}").setDescription("Connections of the pool, by state").buildObserver();
        ObservableLongMeasurement max = meter.upDownCounterBuilder("db.client.connection.max")
                .setUnit("{connection}").setDescription("Most connections the pool opens").buildObserver();
        ObservableLongMeasurement pending = meter.upDownCounterBuilder("db.client.connection.pending_requests")
                .setUnit("{request}").setDescription("Threads waiting for a connection").buildObserver();
        this.callback = meter.batchCallback(() -> {
            HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
            if (bean != null) {
                connections.record(bean.getActiveConnections(), pool.toBuilder().put(STATE, "used").build());
                connections.record(bean.getIdleConnections(), pool.toBuilder().put(STATE, "idle").build());
                pending.record(bean.getThreadsAwaitingConnection(), pool);
            }
            max.record(hikari.getMaximumPoolSize(), pool);
        }, connections, max, pending);
    }

    @PreDestroy
    @Override
    public void close() {
        callback.close();
    }
}
