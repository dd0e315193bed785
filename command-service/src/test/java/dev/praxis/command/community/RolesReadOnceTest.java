package dev.praxis.command.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.praxis.api.community.CommunityRole;
import dev.praxis.api.community.MemberRoleChanged;
import dev.praxis.command.web.EmbeddedPostgresForTests;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A command that checks the member's standing and then their role (a privilege check: owners and
 * moderators may do what reputation does not yet allow) reads the role once, on PostgreSQL; a
 * change of the membership by the command's own events is read again.
 */
class RolesReadOnceTest {

    private static final String COMMUNITY = "c-roles";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final AtomicInteger statements = new AtomicInteger();
    private JdbcCommunityDirectory directory;
    private JdbcTemplate jdbc;

    @BeforeEach
    void store() {
        String url = EmbeddedPostgresForTests.newDatabaseUrl("roles_read_once_test");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(counting(new DriverManagerDataSource(url, "postgres", "postgres")));
        jdbc.update("INSERT INTO community_directory (community_id, name) VALUES (?, ?)", COMMUNITY, "Role Readers");
        jdbc.update("INSERT INTO community_membership (community_id, member_id, role) VALUES (?, ?, ?)",
                COMMUNITY, "bob", CommunityRole.MEMBER.name());
        directory = new JdbcCommunityDirectory(jdbc);
        statements.set(0);
    }

    @Test
    void theRoleReadWithTheStandingIsNotReadAgainInTheSameCommand() {
        Optional<CommunityRole> role = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            directory.requireActiveMember(COMMUNITY, "bob", NOW);
            return directory.roleOf(COMMUNITY, "bob");
        }).getPayload();

        assertThat(role).contains(CommunityRole.MEMBER);
        assertThat(statements.get()).isEqualTo(1);
    }

    @Test
    void aRoleChangedByTheCommandsOwnEventsIsReadAgain() {
        Optional<CommunityRole> role = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            directory.requireActiveMember(COMMUNITY, "bob", NOW);
            directory.on(new MemberRoleChanged(COMMUNITY, "bob", CommunityRole.MEMBER, CommunityRole.MODERATOR, "alice", NOW));
            return directory.roleOf(COMMUNITY, "bob");
        }).getPayload();

        assertThat(role).contains(CommunityRole.MODERATOR);
        assertThat(statements.get()).isEqualTo(3);
    }

    @Test
    void outsideACommandEveryAnswerIsRead() {
        directory.requireActiveMember(COMMUNITY, "bob", NOW);
        assertThat(directory.roleOf(COMMUNITY, "bob")).contains(CommunityRole.MEMBER);
        assertThat(directory.roleOf(COMMUNITY, "nobody")).isEmpty();
        assertThat(statements.get()).isEqualTo(3);
    }

    /** Counts the statements prepared on the data source's connections. */
    private DataSource counting(DriverManagerDataSource target) {
        return new org.springframework.jdbc.datasource.DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
