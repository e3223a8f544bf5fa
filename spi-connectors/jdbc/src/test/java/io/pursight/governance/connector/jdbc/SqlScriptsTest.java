package io.pursight.governance.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pursight.governance.connector.jdbc.SqlScripts.Flavor;
import io.pursight.governance.connector.jdbc.SqlScripts.Item;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test helper that loads SQL dumps: it must split exactly where the database would. */
class SqlScriptsTest {

  private static List<String> sql(String script, Flavor flavor) {
    return SqlScripts.split(script, flavor).stream().map(Item::sql).toList();
  }

  @Test
  void splitsOnSemicolonsOutsideQuotesAndComments() {
    String script = """
        -- a comment; with a semicolon
        INSERT INTO t VALUES ('a;b', 'it''s; fine'); /* block; comment */
        SELECT "odd;name" FROM t;
        """;
    assertThat(sql(script, Flavor.POSTGRESQL)).containsExactly(
        "INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT \"odd;name\" FROM t");
  }

  @Test
  void keepsDollarQuotedBodiesWhole() {
    String script = """
        CREATE FUNCTION f(text, text) RETURNS text AS $_$
        SELECT CASE WHEN $2 IS NULL THEN $1; END
        $_$ LANGUAGE sql;
        CREATE FUNCTION g() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;
        SELECT 1;
        """;
    List<String> out = sql(script, Flavor.POSTGRESQL);
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).endsWith("$_$ LANGUAGE sql").contains("THEN $1; END");
    assertThat(out.get(1)).contains("BEGIN RETURN 1; END");
  }

  @Test
  void skipsMetaCommandsAndTheDumpsOwnDatabaseStatements() {
    String script = """
        DROP DATABASE IF EXISTS chinook;
        CREATE DATABASE chinook;
        \\c chinook;
        USE `Chinook`;
        CREATE TABLE a (id int);
        """;
    assertThat(sql(script, Flavor.POSTGRESQL)).containsExactly("CREATE TABLE a (id int)");
  }

  @Test
  void handlesBackticksAndBackslashEscapesInMysql() {
    String script = "INSERT INTO `we;ird` VALUES ('O\\'Brien; x', \"q\\\"d;\");\nSELECT 2;";
    assertThat(sql(script, Flavor.MYSQL)).containsExactly(
        "INSERT INTO `we;ird` VALUES ('O\\'Brien; x', \"q\\\"d;\")", "SELECT 2");
    // in PostgreSQL a backslash is an ordinary character unless standard_conforming_strings is off
    assertThat(sql("SELECT 'a\\'; SELECT 'b';", Flavor.POSTGRESQL)).containsExactly("SELECT 'a\\'", "SELECT 'b'");
    assertThat(sql("SET standard_conforming_strings = off; SELECT 'a\\';b'; SELECT 2;", Flavor.POSTGRESQL))
        .containsExactly("SET standard_conforming_strings = off", "SELECT 'a\\';b'", "SELECT 2");
  }

  @Test
  void readsCopyBlocksUpToTheTerminator() {
    String script = """
        COPY public.language (language_id, name) FROM stdin;
        1\tEnglish;
        2\t\\N
        \\.
        SELECT 3;
        """;
    List<Item> items = SqlScripts.split(script, Flavor.POSTGRESQL);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).isCopy()).isTrue();
    assertThat(items.get(0).sql()).isEqualTo("COPY public.language (language_id, name) FROM stdin");
    assertThat(items.get(0).copyData()).isEqualTo("1\tEnglish;\n2\t\\N\n");
    assertThat(items.get(1).sql()).isEqualTo("SELECT 3");
  }

  @Test
  void splitsTheShippedDumpsIntoTheExpectedStatements() throws Exception {
    List<Item> chinookPg = SqlScripts.split(Files.readString(SqlScripts.dataset("chinook/chinook-postgresql.sql")),
        Flavor.POSTGRESQL);
    assertThat(chinookPg.stream().filter(i -> i.sql().startsWith("CREATE TABLE"))).hasSize(11);
    assertThat(chinookPg).noneMatch(i -> i.sql().contains("DATABASE") || i.sql().startsWith("\\"));
    List<Item> sakilaData = SqlScripts.split(
        Files.readString(SqlScripts.dataset("sakila/sakila-postgresql-data-copy.sql")), Flavor.POSTGRESQL);
    assertThat(sakilaData.stream().filter(Item::isCopy)).hasSize(15);
    List<Item> chinookMy = SqlScripts.split(Files.readString(SqlScripts.dataset("chinook/chinook-mysql.sql")),
        Flavor.MYSQL);
    assertThat(chinookMy.stream().filter(i -> i.sql().startsWith("CREATE TABLE"))).hasSize(11);
    assertThat(chinookMy).noneMatch(i -> i.sql().startsWith("USE"));
  }

  @Test
  void runsAScriptOverJdbc() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:scripts")) {
      int n = SqlScripts.run(c, "CREATE TABLE t (s VARCHAR(20)); INSERT INTO t VALUES ('x;y'); -- done", Flavor.POSTGRESQL);
      assertThat(n).isEqualTo(2);
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("x;y");
      }
    }
  }
}
