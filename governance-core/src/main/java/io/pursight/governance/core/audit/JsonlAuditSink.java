package io.pursight.governance.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.pursight.governance.StoreException;
import io.pursight.governance.audit.AuditEvent;
import io.pursight.governance.audit.AuditVerification;
import io.pursight.governance.spi.AuditSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default audit sink: a hash-chained JSON-lines file. Each line is one record {@code {"seq",
 * "prev", "hash", "event"}} (see the chain rules in the docs). Appends are synced to disk before
 * {@link #append} returns; batches share one sync.
 *
 * <p>Crash safety: a record is one line written in one call; if the process dies mid-write, the
 * file ends with a torn line. Opening such a file moves the torn bytes to {@code <file>.torn-<time>},
 * cuts the file back to its last complete record, and appends an {@code AUDIT_RECOVERY} event
 * naming the line and byte count, so the loss is on the record, never silently accepted. A
 * head file ({@code <file>.head}) holds the last sequence number and hash, so that records cut
 * from the end of the log are detected too.
 *
 * <p>Thread-safe; one process at a time per file.
 */
public final class JsonlAuditSink implements AuditSink {
  private static final Logger LOG = LoggerFactory.getLogger(JsonlAuditSink.class);
  private final Path file;
  private final Path head;
  private final FileChannel channel;
  private long seq;
  private String prev = AuditChain.GENESIS;
  private boolean closed;

  /**
   * Opens (creating if needed) the log at {@code file}.
   *
   * @throws StoreException when the file cannot be opened, or its chain cannot be continued (its last
   *     complete record is not a record)
   */
  public JsonlAuditSink(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.head = Path.of(this.file + ".head");
    try {
      if (this.file.getParent() != null) {
        Files.createDirectories(this.file.getParent());
      }
      String torn = recoverTornTail();
      this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      if (torn != null) {
        append(new AuditEvent(UUID.randomUUID().toString(), Instant.now(), "pursight", "AUDIT_RECOVERY", List.of(),
            "RECOVERED", null, Map.of("detail", torn)));
      }
    } catch (IOException e) {
      throw new StoreException("Cannot open the audit log " + this.file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the tail: sets seq/prev from the last complete record; cuts a torn line off. */
  private String recoverTornTail() throws IOException {
    if (!Files.exists(file) || Files.size(file) == 0) {
      return null;
    }
    byte[] all = Files.readAllBytes(file);
    int end = all.length;
    String torn = null;
    if (all[end - 1] != '\n' || !parses(lastLine(all, end))) {
      int cut = all[end - 1] == '\n' ? lastLineStart(all, end - 1) : lastLineStart(all, end);
      long lineNo = countLines(all, cut) + 1;
      Path quarantine = Path.of(file + ".torn-" + System.currentTimeMillis());
      Files.write(quarantine, java.util.Arrays.copyOfRange(all, cut, end));
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        raf.setLength(cut);
        raf.getFD().sync();
      }
      torn = "line " + lineNo + " was torn (" + (end - cut) + " bytes, moved to " + quarantine.getFileName()
          + "); the record it held is lost";
      LOG.warn("Audit log {}: {}", file, torn);
      end = cut;
    }
    if (end > 0) {
      String last = lastLine(all, end);
      JsonNode n = AuditChain.mapper().readTree(last);
      if (n == null || !n.has("seq") || !n.has("hash")) {
        throw new StoreException("The audit log " + file + " does not end with an audit record; run "
            + "'governance audit verify " + file + "' to see what is wrong");
      }
      seq = n.get("seq").asLong();
      prev = n.get("hash").asText();
    }
    return torn;
  }

  private static boolean parses(String line) {
    try {
      JsonNode n = AuditChain.mapper().readTree(line);
      return n != null && n.has("hash");
    } catch (IOException e) {
      return false;
    }
  }

  private static int lastLineStart(byte[] b, int end) {
    int i = end - 1;
    while (i >= 0 && b[i] != '\n') {
      i--;
    }
    return i + 1;
  }

  private static String lastLine(byte[] b, int end) {
    int stop = end > 0 && b[end - 1] == '\n' ? end - 1 : end;
    int start = lastLineStart(b, stop);
    return new String(b, start, stop - start, StandardCharsets.UTF_8);
  }

  private static long countLines(byte[] b, int end) {
    long n = 0;
    for (int i = 0; i < end; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The log's path. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(AuditEvent event) {
    appendAll(List.of(event));
  }

  @Override
  public synchronized void appendAll(List<AuditEvent> events) {
    if (closed) {
      throw new StoreException("The audit log " + file + " is closed");
    }
    if (events.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder();
    long s = seq;
    String p = prev;
    for (AuditEvent e : events) {
      String canonical = AuditChain.canonical(e);
      s++;
      String h = AuditChain.hash(s, p, canonical);
      b.append(AuditChain.line(s, p, h, canonical)).append('\n');
      p = h;
    }
    try {
      ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      channel.force(false);
      writeHead(s, p);
    } catch (IOException e) {
      throw new StoreException("Cannot append to the audit log " + file + ": " + e.getMessage()
          + ". The events were not recorded.", e);
    }
    seq = s;
    prev = p;
  }

  private void writeHead(long s, String hash) throws IOException {
    Path tmp = Path.of(head + ".tmp");
    Files.writeString(tmp, s + " " + hash + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, head, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public AuditVerification verify() {
    synchronized (this) {
      return verify(file);
    }
  }

  /** Verifies the log at {@code file} (and its head file, when present) without opening it for writing. */
  public static AuditVerification verify(Path file) {
    List<String> problems = new ArrayList<>();
    List<String> lines;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    } catch (IOException e) {
      return new AuditVerification(false, 0, List.of("cannot read " + file + ": " + e.getMessage()));
    }
    boolean endsCleanly = bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    long expectedSeq = 1;
    String prev = AuditChain.GENESIS;
    long records = 0;
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String line = lines.get(i);
      boolean last = i == lines.size() - 1;
      JsonNode n;
      try {
        n = AuditChain.mapper().readTree(line);
      } catch (IOException e) {
        n = null;
      }
      if (n == null || !n.has("seq") || !n.has("prev") || !n.has("hash") || !n.has("event")) {
        problems.add("line " + lineNo + ": " + (last && !endsCleanly ? "torn last line (the write was cut off)"
            : "not an audit record (edited or corrupted)"));
        continue;
      }
      records++;
      long s = n.get("seq").asLong();
      String p = n.get("prev").asText();
      String h = n.get("hash").asText();
      String canonical = AuditChain.canonical(n.get("event"));
      if (!AuditChain.hash(s, p, canonical).equals(h)) {
        problems.add("line " + lineNo + " (record " + s + "): content does not match its hash (edited)");
      }
      if (s != expectedSeq) {
        problems.add("line " + lineNo + ": record " + s + " where record " + expectedSeq + " was expected ("
            + (s > expectedSeq ? "records " + expectedSeq + ".." + (s - 1) + " removed or moved" : "reordered or duplicated")
            + ")");
      } else if (!p.equals(prev)) {
        problems.add("line " + lineNo + " (record " + s + "): does not follow the previous record (removed or reordered)");
      }
      JsonNode event = n.get("event");
      if (event.has("action") && "AUDIT_RECOVERY".equals(event.get("action").asText())) {
        JsonNode detail = event.path("attributes").path("detail");
        problems.add("line " + lineNo + " (record " + s + "): recovery after a crash: " + detail.asText());
      }
      expectedSeq = s + 1;
      prev = h;
    }
    if (!endsCleanly && problems.stream().noneMatch(x -> x.contains("torn"))) {
      problems.add("line " + lines.size() + ": torn last line (the write was cut off)");
    }
    Path headFile = Path.of(file + ".head");
    if (Files.exists(headFile)) {
      try {
        String[] parts = Files.readString(headFile, StandardCharsets.UTF_8).strip().split(" ");
        long headSeq = Long.parseLong(parts[0]);
        if (headSeq > expectedSeq - 1) {
          problems.add("the log ends at record " + (expectedSeq - 1) + " but its head file says " + headSeq
              + ": records " + expectedSeq + ".." + headSeq + " were cut from the end");
        } else if (headSeq == expectedSeq - 1 && !parts[1].equals(prev)) {
          problems.add("the last record does not match the head file (edited or replaced)");
        }
      } catch (IOException | RuntimeException e) {
        problems.add("the head file " + headFile.getFileName() + " is unreadable");
      }
    }
    return new AuditVerification(problems.isEmpty(), records, problems);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("Closing the audit log {} failed: {}", file, e.toString());
    }
  }
}
