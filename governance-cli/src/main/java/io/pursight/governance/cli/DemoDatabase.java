package io.pursight.governance.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The demo's sample database: a small company (HR, sales, payments, a clinic, app users) in an
 * embedded H2 file, with realistic people data made by datafaker and our own generators (valid
 * card numbers, SSNs, IBANs...), deterministic for a given seed. Some sensitive columns have
 * opaque names ({@code ref_code}, {@code acct_data}, {@code x_dob}, {@code tk}) so that only their
 * values give them away.
 */
final class DemoDatabase {
  static final int CUSTOMERS = 500;
  static final int EMPLOYEES = 60;
  static final int PRODUCTS = 120;
  static final int ORDERS = 1500;
  static final int PATIENTS = 300;
  static final int VISITS = 800;
  static final int USERS = 200;

  private final Random random;
  private final Faker faker;

  private DemoDatabase(long seed) {
    this.random = new Random(seed);
    this.faker = new Faker(Locale.US, new Random(seed));
  }

  /** Creates (replacing anything there) the demo schema and data at {@code url}. */
  static void create(String url, long seed) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.setAutoCommit(false);
      new DemoDatabase(seed).build(c);
      c.commit();
    }
  }

  private void build(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      for (String ddl : DDL) {
        s.execute(ddl);
      }
    }
    departments(c);
    employees(c);
    customers(c);
    products(c);
    orders(c);
    patients(c);
    users(c);
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE");
    }
  }

  private static final List<String> DDL = List.of(
      "CREATE TABLE departments (id INT PRIMARY KEY, name VARCHAR(60) NOT NULL, cost_center VARCHAR(12) NOT NULL)",
      "COMMENT ON TABLE departments IS 'Organisational units'",
      "CREATE TABLE employees (id INT PRIMARY KEY, first_name VARCHAR(40) NOT NULL, last_name VARCHAR(40) NOT NULL,"
          + " work_email VARCHAR(120) NOT NULL UNIQUE, phone VARCHAR(30), x_dob DATE, hire_date DATE NOT NULL,"
          + " department_id INT NOT NULL REFERENCES departments(id), manager_id INT REFERENCES employees(id),"
          + " salary DECIMAL(10,2), tax_ref VARCHAR(11), iban VARCHAR(34))",
      "COMMENT ON TABLE employees IS 'Staff records (HR)'",
      "COMMENT ON COLUMN employees.tax_ref IS 'legacy reference from the payroll system'",
      "CREATE TABLE customers (id INT PRIMARY KEY, full_name VARCHAR(100) NOT NULL, email VARCHAR(120),"
          + " phone VARCHAR(30), street VARCHAR(120), city VARCHAR(60), postal_code VARCHAR(10), country VARCHAR(60),"
          + " ref_code VARCHAR(11), last_login_ip VARCHAR(45), created_at TIMESTAMP NOT NULL, segment VARCHAR(20))",
      "COMMENT ON TABLE customers IS 'People who buy from us'",
      "CREATE TABLE products (id INT PRIMARY KEY, sku VARCHAR(20) NOT NULL UNIQUE, title VARCHAR(120) NOT NULL,"
          + " price DECIMAL(10,2) NOT NULL, firmware_version VARCHAR(16), barcode VARCHAR(13))",
      "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customers(id)"
          + " ON DELETE CASCADE, order_date DATE NOT NULL, status VARCHAR(12) NOT NULL, total DECIMAL(12,2),"
          + " order_number VARCHAR(16) NOT NULL)",
      "CREATE TABLE order_items (order_id INT NOT NULL REFERENCES orders(id) ON DELETE CASCADE, line_no INT NOT NULL,"
          + " product_id INT NOT NULL REFERENCES products(id), qty INT NOT NULL, unit_price DECIMAL(10,2) NOT NULL,"
          + " PRIMARY KEY (order_id, line_no))",
      "CREATE TABLE payments (id INT PRIMARY KEY, order_id INT NOT NULL REFERENCES orders(id),"
          + " acct_data VARCHAR(19) NOT NULL, card_exp VARCHAR(5), amount DECIMAL(12,2) NOT NULL,"
          + " paid_at TIMESTAMP NOT NULL, payer_iban VARCHAR(34))",
      "COMMENT ON COLUMN payments.acct_data IS 'payment instrument'",
      "CREATE TABLE patients (id INT PRIMARY KEY, mrn VARCHAR(12) NOT NULL UNIQUE, given_name VARCHAR(40),"
          + " family_name VARCHAR(40), birth_date DATE, gender VARCHAR(10), ins_no VARCHAR(11), tk VARCHAR(16))",
      "COMMENT ON TABLE patients IS 'Clinic patients (PHI)'",
      "CREATE TABLE visits (id INT PRIMARY KEY, patient_id INT NOT NULL REFERENCES patients(id), visited_on DATE NOT NULL,"
          + " dx VARCHAR(8), prescriber_npi VARCHAR(10), notes VARCHAR(400))",
      "CREATE TABLE app_users (id INT PRIMARY KEY, username VARCHAR(40) NOT NULL UNIQUE, password_hash VARCHAR(80) NOT NULL,"
          + " api_key VARCHAR(40), last_ip VARCHAR(45), employee_id INT REFERENCES employees(id))",
      "CREATE VIEW customer_orders AS SELECT c.id AS customer_id, c.full_name, c.email, o.id AS order_id,"
          + " o.order_date, o.total FROM customers c JOIN orders o ON o.customer_id = c.id",
      "CREATE VIEW patient_visits AS SELECT p.mrn, p.family_name, v.visited_on, v.dx FROM patients p"
          + " JOIN visits v ON v.patient_id = p.id");

  private void departments(Connection c) throws SQLException {
    String[] names = {"Engineering", "Sales", "Finance", "Human Resources", "Clinic", "Support"};
    try (PreparedStatement p = c.prepareStatement("INSERT INTO departments VALUES (?, ?, ?)")) {
      for (int i = 0; i < names.length; i++) {
        p.setInt(1, i + 1);
        p.setString(2, names[i]);
        p.setString(3, "CC-" + (1000 + i * 37));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void employees(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO employees VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (int i = 1; i <= EMPLOYEES; i++) {
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        p.setInt(1, i);
        p.setString(2, first);
        p.setString(3, last);
        p.setString(4, (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + i + "@example-corp.com");
        p.setString(5, usPhone());
        p.setDate(6, Date.valueOf(LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        p.setDate(7, Date.valueOf(LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        p.setInt(8, 1 + random.nextInt(6));
        if (i <= 6) {
          p.setNull(9, java.sql.Types.INTEGER);
        } else {
          p.setInt(9, 1 + random.nextInt(6));
        }
        p.setBigDecimal(10, BigDecimal.valueOf(40_000 + random.nextInt(120_000)).setScale(2, RoundingMode.UNNECESSARY));
        p.setString(11, ssn());
        p.setString(12, iban("DE", 18));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void customers(Connection c) throws SQLException {
    String[] segments = {"retail", "retail", "smb", "enterprise", "vip"};
    try (PreparedStatement p = c.prepareStatement("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (int i = 1; i <= CUSTOMERS; i++) {
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        p.setInt(1, i);
        p.setString(2, first + " " + last);
        p.setString(3, random.nextInt(20) == 0 ? null
            : (first.charAt(0) + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + i + "@"
                + List.of("gmail.com", "yahoo.com", "outlook.com", "example.org").get(random.nextInt(4)));
        p.setString(4, usPhone());
        p.setString(5, faker.address().streetAddress());
        p.setString(6, faker.address().city());
        p.setString(7, faker.address().zipCode());
        p.setString(8, "United States");
        p.setString(9, ssn());
        p.setString(10, random.nextInt(40) + 60 + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
            + (1 + random.nextInt(254)));
        p.setTimestamp(11, Timestamp.valueOf(LocalDateTime.of(2019 + random.nextInt(6), 1 + random.nextInt(12),
            1 + random.nextInt(28), random.nextInt(24), random.nextInt(60))));
        p.setString(12, random.nextInt(30) == 0 ? "" : segments[random.nextInt(segments.length)]);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void products(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO products VALUES (?,?,?,?,?,?)")) {
      for (int i = 1; i <= PRODUCTS; i++) {
        p.setInt(1, i);
        p.setString(2, "SKU-" + (char) ('A' + random.nextInt(26)) + (10000 + random.nextInt(89999)));
        p.setString(3, faker.commerce().productName());
        p.setBigDecimal(4, BigDecimal.valueOf(199 + random.nextInt(50_000), 2));
        p.setString(5, (1 + random.nextInt(4)) + "." + random.nextInt(20) + "." + random.nextInt(10) + "."
            + random.nextInt(100));
        p.setString(6, ean13());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private void orders(Connection c) throws SQLException {
    String[] statuses = {"NEW", "PAID", "SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED"};
    try (PreparedStatement o = c.prepareStatement("INSERT INTO orders VALUES (?,?,?,?,?,?)");
        PreparedStatement it = c.prepareStatement("INSERT INTO order_items VALUES (?,?,?,?,?)");
        PreparedStatement pay = c.prepareStatement("INSERT INTO payments VALUES (?,?,?,?,?,?,?)")) {
      for (int i = 1; i <= ORDERS; i++) {
        LocalDate date = LocalDate.of(2022 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28));
        int lines = 1 + random.nextInt(4);
        BigDecimal total = BigDecimal.ZERO;
        for (int l = 1; l <= lines; l++) {
          BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(20_000), 2);
          int qty = 1 + random.nextInt(3);
          total = total.add(price.multiply(BigDecimal.valueOf(qty)));
          it.setInt(1, i);
          it.setInt(2, l);
          it.setInt(3, 1 + random.nextInt(PRODUCTS));
          it.setInt(4, qty);
          it.setBigDecimal(5, price);
          it.addBatch();
        }
        o.setInt(1, i);
        o.setInt(2, 1 + random.nextInt(CUSTOMERS));
        o.setDate(3, Date.valueOf(date));
        o.setString(4, statuses[random.nextInt(statuses.length)]);
        o.setBigDecimal(5, total);
        o.setString(6, "ORD-" + date.getYear() + "-" + String.format("%07d", i * 7 + random.nextInt(7)));
        o.addBatch();
        pay.setInt(1, i);
        pay.setInt(2, i);
        pay.setString(3, cardNumber());
        pay.setString(4, String.format("%02d/%02d", 1 + random.nextInt(12), 26 + random.nextInt(5)));
        pay.setBigDecimal(5, total);
        pay.setTimestamp(6, Timestamp.valueOf(date.atTime(random.nextInt(24), random.nextInt(60))));
        pay.setString(7, random.nextInt(3) == 0 ? iban(List.of("FR", "NL", "DE").get(random.nextInt(3)), 0) : null);
        pay.addBatch();
      }
      o.executeBatch();
      it.executeBatch();
      pay.executeBatch();
    }
  }

  private void patients(Connection c) throws SQLException {
    String[] genders = {"female", "male", "female", "male", "non-binary"};
    String[] dx = {"E11.9", "I10", "J45.909", "M54.5", "K21.9", "F41.1", "E78.5", "J06.9", "N39.0", "R51"};
    try (PreparedStatement p = c.prepareStatement("INSERT INTO patients VALUES (?,?,?,?,?,?,?,?)");
        PreparedStatement v = c.prepareStatement("INSERT INTO visits VALUES (?,?,?,?,?,?)")) {
      for (int i = 1; i <= PATIENTS; i++) {
        p.setInt(1, i);
        p.setString(2, "MRN" + String.format("%08d", 10_000_000 + i * 13));
        p.setString(3, faker.name().firstName());
        p.setString(4, faker.name().lastName());
        p.setDate(5, Date.valueOf(LocalDate.of(1935 + random.nextInt(85), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        p.setString(6, genders[random.nextInt(genders.length)]);
        p.setString(7, ssn());
        p.setString(8, "+1" + usPhone().replaceAll("[^0-9]", ""));
        p.addBatch();
      }
      for (int i = 1; i <= VISITS; i++) {
        v.setInt(1, i);
        v.setInt(2, 1 + random.nextInt(PATIENTS));
        v.setDate(3, Date.valueOf(LocalDate.of(2023 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(28))));
        v.setString(4, dx[random.nextInt(dx.length)]);
        v.setString(5, npi());
        v.setString(6, switch (random.nextInt(4)) {
          case 0 -> "Follow-up in two weeks. Patient asked to be reached at " + usPhone() + ".";
          case 1 -> "Results sent to " + faker.name().firstName().toLowerCase(Locale.ROOT) + "@example.org as requested.";
          case 2 -> "No complaints; continue current medication.";
          default -> null;
        });
        v.addBatch();
      }
      p.executeBatch();
      v.executeBatch();
    }
  }

  private void users(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO app_users VALUES (?,?,?,?,?,?)")) {
      for (int i = 1; i <= USERS; i++) {
        p.setInt(1, i);
        p.setString(2, faker.name().firstName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "_" + i);
        p.setString(3, bcrypt());
        p.setString(4, random.nextInt(4) == 0 ? null : awsKeyId());
        p.setString(5, "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        if (i <= EMPLOYEES) {
          p.setInt(6, i);
        } else {
          p.setNull(6, java.sql.Types.INTEGER);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  // ---- value generators with real check digits ----

  private String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  private String usPhone() {
    int area = 201 + random.nextInt(780);
    while (area % 100 == 11 || area == 555) {
      area = 201 + random.nextInt(780);
    }
    return String.format("(%03d) %03d-%04d", area, 200 + random.nextInt(799), random.nextInt(10000));
  }

  private String ssn() {
    int area = 1 + random.nextInt(665);
    return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  static char luhnDigit(String payload) {
    int sum = 0;
    boolean dbl = true;
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  private String cardNumber() {
    String prefix = switch (random.nextInt(4)) {
      case 0, 1 -> "4" + digits(5);
      case 2 -> "5" + (1 + random.nextInt(5)) + digits(4);
      default -> "3" + (random.nextBoolean() ? "4" : "7") + digits(4);
    };
    int length = prefix.startsWith("3") ? 15 : 16;
    String payload = prefix + digits(length - 1 - prefix.length());
    String pan = payload + luhnDigit(payload);
    return random.nextInt(5) == 0 ? pan.replaceAll("(.{4})(?!$)", "$1 ") : pan;
  }

  private String npi() {
    String payload = "1" + digits(8);
    return payload + luhnDigit("80840" + payload);
  }

  private String iban(String country, int bbanLength) {
    int len = bbanLength > 0 ? bbanLength : switch (country) {
      case "FR" -> 23;
      case "NL" -> 14;
      default -> 18;
    };
    String bban = country.equals("NL") ? "ABNA" + digits(10) : digits(len);
    String rearranged = bban + country + "00";
    StringBuilder numeric = new StringBuilder();
    for (char ch : rearranged.toCharArray()) {
      numeric.append(Character.isLetter(ch) ? String.valueOf(ch - 'A' + 10) : String.valueOf(ch));
    }
    int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
    return country + String.format("%02d", check) + bban;
  }

  private String ean13() {
    String payload = "40" + digits(10);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (payload.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return payload + (10 - sum % 10) % 10;
  }

  private String bcrypt() {
    String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder("$2b$12$");
    for (int i = 0; i < 53; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private String awsKeyId() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder b = new StringBuilder("AKIA");
    for (int i = 0; i < 16; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
