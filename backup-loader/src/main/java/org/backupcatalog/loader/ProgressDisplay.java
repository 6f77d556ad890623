package org.backupcatalog.loader;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows where a load is: the phase, items with their volume backups and images, the rate and the
 * time left while writing, the time spent in a phase that cannot count (migrating, Derby's index
 * build, the checkpoint). On a terminal one line is redrawn twice a second; otherwise (a log, a
 * pipe) a line is printed at each phase and each tenth of the items.
 */
final class ProgressDisplay implements LoadListener, AutoCloseable {

  private static final long REDRAW_MILLIS = 500;

  private final PrintStream out;
  private final long total;
  private final boolean redraw;
  private final ScheduledExecutorService ticker;
  private final long loadStart = System.nanoTime();
  private String phase = "starting";
  private long phaseStart = System.nanoTime();
  private long writingStart;
  private RowCounts written = RowCounts.NONE;
  private long printedTenth = -1;
  private int lastWidth;

  private ProgressDisplay(PrintStream out, long total, boolean redraw) {
    this.out = out;
    this.total = total;
    this.redraw = redraw;
    if (redraw) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, 0, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /** Redraws one line on a terminal, prints lines elsewhere. */
  static ProgressDisplay on(PrintStream out, long totalItems) {
    return new ProgressDisplay(out, totalItems, System.console() != null);
  }

  /** A step of the command around the load itself. */
  synchronized void step(String name) {
    enter(name);
  }

  @Override
  public synchronized void phase(Phase next) {
    if (next == Phase.WRITING) {
      writingStart = System.nanoTime();
    }
    enter(next.label());
  }

  @Override
  public synchronized void written(RowCounts soFar) {
    if (soFar.items() < written.items()) {
      return; // writers report out of order now and then
    }
    written = soFar;
    long tenth = total == 0 ? 10 : soFar.items() * 10 / total;
    if (!redraw && tenth > printedTenth) {
      printedTenth = tenth;
      out.println(line());
    }
  }

  /** The load is over: the last state stays on screen. */
  synchronized void done() {
    enter("done");
  }

  private void enter(String name) {
    if (redraw) {
      draw();
      out.println();
      lastWidth = 0;
    }
    phase = name;
    phaseStart = System.nanoTime();
    if (!redraw) {
      out.println(line());
    }
  }

  private synchronized void draw() {
    String line = line();
    out.print('\r' + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    out.flush();
    lastWidth = line.length();
  }

  private String line() {
    double inPhase = (System.nanoTime() - phaseStart) / 1e9;
    double all = (System.nanoTime() - loadStart) / 1e9;
    StringBuilder line =
        new StringBuilder(String.format(Locale.ROOT, "[%7.1f s] %-34s", all, phase + ":"));
    if (written.items() > 0 || phase.equals(Phase.WRITING.label())) {
      double writing = writingStart == 0 ? 0 : (System.nanoTime() - writingStart) / 1e9;
      double rate = writing > 0 ? written.items() / writing : 0;
      line.append(
          String.format(
              Locale.ROOT,
              " %,d/%,d items (%3d%%), %,d volume backups, %,d images, %,.0f items/s",
              written.items(),
              total,
              total == 0 ? 100 : written.items() * 100 / total,
              written.volumeBackups(),
              written.images(),
              rate));
      if (phase.equals(Phase.WRITING.label()) && rate > 0 && written.items() < total) {
        line.append(String.format(Locale.ROOT, ", %.0f s left", (total - written.items()) / rate));
      }
    }
    if (!phase.equals(Phase.WRITING.label())) {
      line.append(String.format(Locale.ROOT, " %.1f s in this phase", inPhase));
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
      synchronized (this) {
        out.println();
      }
    }
  }
}
