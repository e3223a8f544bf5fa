package io.pursight.governance.connector.jdbc;

import io.pursight.governance.SourceException;
import io.pursight.governance.SourceException.Reason;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Classifies driver failures into {@link Reason}s and words them so that a user can act. Driver
 * messages are only repeated for SQLState classes that name objects, not data (class 22 "data
 * exception" and 23 "integrity" messages often quote values, so they are withheld).
 */
final class SqlErrors {
  private static final Set<String> NOT_FOUND_STATES = Set.of(
      "42P01", // PostgreSQL undefined_table
      "42S02", // ODBC/H2/MySQL base table or view not found
      "42703", // PostgreSQL undefined_column
      "42S22", // column not found
      "3F000", // invalid schema name
      "3D000", // invalid catalog name (database does not exist)
      "90079"); // H2 schema not found
  private static final Set<Integer> MARIADB_NOT_FOUND = Set.of(1146, 1054, 1049, 1051);
  private static final Set<Integer> MARIADB_PERMISSION = Set.of(1044, 1142, 1143, 1227, 1370);
  private static final Set<Integer> MARIADB_AUTH = Set.of(1045, 1698, 1251);
  private static final Set<Integer> MARIADB_TIMEOUT = Set.of(1317, 3024, 1969);
  private static final Set<Integer> H2_NOT_FOUND = Set.of(42102, 42122, 90079);

  private SqlErrors() {}

  /** The failure class of {@code t}, looking through causes and chained SQL exceptions. */
  static Reason classify(Throwable t) {
    List<Throwable> chain = chain(t);
    // most specific first: an authentication failure is often wrapped in a connection (08) error
    for (Throwable c : chain) {
      if (c instanceof SQLException e && isAuthentication(e)) {
        return Reason.AUTHENTICATION;
      }
    }
    for (Throwable c : chain) {
      if (c instanceof SQLException e) {
        String st = state(e);
        if ("42501".equals(st) || MARIADB_PERMISSION.contains(e.getErrorCode()) || e.getErrorCode() == 90096) {
          return Reason.PERMISSION;
        }
        if (NOT_FOUND_STATES.contains(st) || (isMariaDb(e) && MARIADB_NOT_FOUND.contains(e.getErrorCode()))
            || (st != null && st.startsWith("42") && H2_NOT_FOUND.contains(e.getErrorCode()))) {
          return Reason.NOT_FOUND;
        }
      }
    }
    for (Throwable c : chain) {
      if (c instanceof SQLTimeoutException) {
        return Reason.TIMEOUT;
      }
      if (c instanceof SocketTimeoutException) {
        // a connect timeout comes wrapped in an 08 (connection) error: the host did not answer
        return hasConnectionState(chain) ? Reason.UNREACHABLE : Reason.TIMEOUT;
      }
      if (c instanceof SQLException e && ("57014".equals(state(e)) || "HYT00".equals(state(e))
          || (isMariaDb(e) && MARIADB_TIMEOUT.contains(e.getErrorCode())))) {
        return Reason.TIMEOUT;
      }
    }
    for (Throwable c : chain) {
      if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof NoRouteToHostException
          || c instanceof PortUnreachableException) {
        return Reason.UNREACHABLE;
      }
    }
    if (hasConnectionState(chain)) {
      return Reason.UNREACHABLE;
    }
    return Reason.OTHER;
  }

  /** True when the failure concerns a missing column rather than a missing table. */
  static boolean isMissingColumn(Throwable t) {
    for (Throwable c : chain(t)) {
      if (c instanceof SQLException e) {
        String st = state(e);
        if ("42703".equals(st) || "42S22".equals(st) || (isMariaDb(e) && e.getErrorCode() == 1054)
            || e.getErrorCode() == 42122) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isAuthentication(SQLException e) {
    String st = state(e);
    return (st != null && st.startsWith("28")) || MARIADB_AUTH.contains(e.getErrorCode())
        || e.getErrorCode() == 28000; // H2 WRONG_USER_OR_PASSWORD
  }

  private static boolean hasConnectionState(List<Throwable> chain) {
    for (Throwable c : chain) {
      if (c instanceof SQLException e && state(e) != null && state(e).startsWith("08")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMariaDb(SQLException e) {
    // MariaDB/MySQL vendor codes are 1000..4999; H2 and others use other ranges
    return e.getErrorCode() >= 1000 && e.getErrorCode() < 5000;
  }

  private static String state(SQLException e) {
    return e.getSQLState();
  }

  /** The causes of {@code t}, including {@link SQLException#getNextException()}, without cycles. */
  static List<Throwable> chain(Throwable t) {
    List<Throwable> out = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(t, out, seen, 0);
    return out;
  }

  private static void collect(Throwable t, List<Throwable> out, Set<Throwable> seen, int depth) {
    if (t == null || depth > 16 || !seen.add(t)) {
      return;
    }
    out.add(t);
    if (t instanceof SQLException e) {
      collect(e.getNextException(), out, seen, depth + 1);
    }
    collect(t.getCause(), out, seen, depth + 1);
  }

  /** The first SQLState in the chain, or null. */
  static String firstState(Throwable t) {
    for (Throwable c : chain(t)) {
      if (c instanceof SQLException e && e.getSQLState() != null) {
        return e.getSQLState();
      }
    }
    return null;
  }

  /**
   * A short, value-free description of a driver failure: the driver's message when its SQLState
   * class names objects rather than data, otherwise only the class, state and vendor code.
   */
  static String describe(Throwable t, String password) {
    if (t == null) {
      return "unknown error";
    }
    String st = firstState(t);
    if (mayQuoteValues(st)) {
      return withheld(t);
    }
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      Throwable root = t;
      for (Throwable c : chain(t)) {
        if (c.getMessage() != null && !c.getMessage().isBlank()) {
          root = c;
          break;
        }
      }
      msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
    msg = msg.strip();
    int eol = msg.indexOf('\n');
    if (eol > 0) {
      msg = msg.substring(0, eol).strip(); // drivers append the statement or a position on later lines
    }
    msg = Redaction.message(msg, password);
    if (msg.length() > 500) {
      msg = msg.substring(0, 500) + "...";
    }
    return st == null ? msg : msg + " [SQLState " + st + "]";
  }

  /** A value-free description: exception class, SQLState and vendor code, never the message. */
  static String withheld(Throwable t) {
    StringBuilder b = new StringBuilder(t.getClass().getSimpleName());
    if (t instanceof SQLException e) {
      if (e.getSQLState() != null) {
        b.append(" SQLState ").append(e.getSQLState());
      }
      if (e.getErrorCode() != 0) {
        b.append(" vendor code ").append(e.getErrorCode());
      }
    }
    return b.toString();
  }

  /** True for SQLState classes whose messages typically quote data values. */
  static boolean mayQuoteValues(String state) {
    return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("P0"));
  }

  /** The cause to attach: the driver's exception unless its message may quote values. */
  static Throwable safeCause(Throwable t) {
    return mayQuoteValues(firstState(t)) ? null : t;
  }

  /** Wraps a failure while reading dataset {@code what} (e.g. {@code public.customer}). */
  static SourceException forDataset(String source, String user, String what, Throwable t, String password) {
    Reason reason = classify(t);
    String detail = describe(t, password);
    String message = switch (reason) {
      case NOT_FOUND -> isMissingColumn(t)
          ? "A column of " + what + " no longer exists (altered during the scan?): " + detail
              + ". Describe the dataset again before sampling it."
          : "Table " + what + " no longer exists (dropped during the scan?): " + detail;
      case PERMISSION -> "User '" + (user == null ? "?" : user) + "' may not read " + what + ": " + detail
          + ". Grant SELECT on it, or exclude it from the scan.";
      case TIMEOUT -> "Reading " + what + " ran out of time: " + detail + ".";
      case UNREACHABLE -> "Lost the connection while reading " + what + ": " + detail
          + ". Check that the server is still running and reachable.";
      case AUTHENTICATION -> "Source '" + source + "' rejected user '" + user + "' while reading " + what + ": "
          + detail + ". Check user and password.";
      default -> "Reading " + what + " failed: " + detail;
    };
    return new SourceException(source, reason, message, safeCause(t));
  }

  /** Wraps a failure of a source-wide operation such as listing ({@code action}: "listing the datasets"). */
  static SourceException forOperation(String source, String user, String action, Throwable t, String password) {
    Reason reason = classify(t);
    String detail = describe(t, password);
    String hint = switch (reason) {
      case PERMISSION -> " Grant user '" + user + "' access to the catalog views, or connect as another user.";
      case UNREACHABLE -> " Check that the server is still running and reachable.";
      case AUTHENTICATION -> " Check user and password.";
      case TIMEOUT -> " The source is slow or busy; try again later or raise the time budget.";
      default -> "";
    };
    return new SourceException(source, reason,
        "Source '" + source + "': " + action + " failed: " + detail + "." + hint, safeCause(t));
  }
}
